// A manager's day at the desk, from the main window through the menus and the keyboard only (no
// dialog is built by the test; menu entries are found by their label and sent as a click would):
// the drawer opened with a counted float, two rides sold (cash with change, card) and a third (exact
// cash), the queue scanned — a boarding, a wrong reference, the next boarding —, the third ride
// cancelled with its cash given back, 20 € taken out, the end of day, the day closed with its count
// and its Z printed, the closings list. The Z's figures are the sales less the refund, to the cent.
// On the seeded world (two boats, 10:00–12:00 every 30 minutes, adult 12 €, child 7 €, VAT 10 %),
// Bastille Day from 09:40. Screenshots journey_01 … journey_15, at 1280×800.
#include <catch2/catch.hpp>

#include "ui_support.h"

#include "app/cash_drawer.h"
#include "app/staff.h"
#include "app/store_factory.h"
#include "support/engines.h"
#include "support/world.h"
#include "ui/booking_card_dialog.h"
#include "ui/cash_count_grid.h"
#include "ui/cash_drawer_dialog.h"
#include "ui/cash_print.h"
#include "ui/close_day_dialog.h"
#include "ui/closings_dialog.h"
#include "ui/desk_banner.h"
#include "ui/desk_panel.h"
#include "ui/desk_print.h"
#include "ui/end_of_day_dialog.h"
#include "ui/format.h"
#include "ui/main_frame.h"
#include "ui/sale_dialog.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/dialog.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/radiobut.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>
#include <wx/timer.h>
#include <wx/uiaction.h>

#include <filesystem>

using namespace narcisse;
using namespace std::chrono_literals;

namespace {

domain::Money Euros(std::int64_t cents) { return domain::Money::cents(cents); }
wxString Money(std::int64_t cents) { return ui::FormatMoney(Euros(cents)); }

void Key(int key, int modifiers = wxMOD_NONE)
{
    wxUIActionSimulator sim;
    sim.Char(key, modifiers);
    test::Pump(100ms);
}

// Under Xvfb no window manager places the dialogs: each is put over the frame, where a user sees it.
template <typename Dialog>
Dialog* Placed(Dialog* dialog)
{
    if (dialog) static_cast<wxWindow*>(dialog)->Move(120, 60);
    return dialog;
}

void Type(const wxString& text)
{
    wxUIActionSimulator sim;
    sim.Text(text.utf8_str());
    test::Pump(100ms);
}

// Tab (or Shift+Tab) until `target` has the focus, as a keyboard user moves through a form.
bool TabTo(wxWindow* target, bool backwards = false, int most = 40)
{
    for (int i = 0; i < most && wxWindow::FindFocus() != target; ++i) Key(WXK_TAB, backwards ? wxMOD_SHIFT : wxMOD_NONE);
    return wxWindow::FindFocus() == target;
}

// The day's menus, as the user reads them: a click on "Desk ▸ Open the drawer…".
struct Menus {
    wxFrame* frame;
    int Find(const char* menu, const char* item) const
    {
        return frame->GetMenuBar()->FindMenuItem(wxString::FromUTF8(menu), wxString::FromUTF8(item));
    }
    bool Enabled(const char* menu, const char* item) const
    {
        frame->UpdateWindowUI(wxUPDATE_UI_RECURSE);
        const int id = Find(menu, item);
        return id != wxNOT_FOUND && frame->GetMenuBar()->FindItem(id)->IsEnabled();
    }
    void Click(const char* menu, const char* item) const
    {
        const int id = Find(menu, item);
        INFO("menu " << menu << " > " << item);
        REQUIRE(id != wxNOT_FOUND);
        wxCommandEvent click(wxEVT_MENU, id);
        click.SetEventObject(frame);
        frame->GetEventHandler()->ProcessEvent(click);
        test::Pump(150ms);
    }
};

// A modal form (the cancellation's reason) runs its own event loop: what to do in it is handed
// over before the key that opens it, and done once it shows.
class WhenModal : public wxTimer {
public:
    explicit WhenModal(std::function<void(wxDialog&)> then) : m_then(std::move(then)) { Start(50); }
    bool Done() const { return m_done; }
    void Notify() override
    {
        for (wxWindow* w : wxTopLevelWindows)
            if (auto* dialog = dynamic_cast<wxDialog*>(w); dialog && dialog->IsModal() && dialog->IsShown()) {
                Stop();
                m_done = true;
                m_then(*dialog);
                return;
            }
    }

private:
    std::function<void(wxDialog&)> m_then;
    bool m_done = false;
};

// The PDF "viewer" of the test: remembers the files instead of opening them.
struct CapturedViewer {
    std::vector<std::filesystem::path> files;
    CapturedViewer()
    {
        ui::SetDocumentViewer([this](const std::filesystem::path& file) {
            files.push_back(file);
            return true;
        });
    }
    ~CapturedViewer() { ui::SetDocumentViewer({}); }
};

struct Journey {
    test::SqliteEngine engine;
    std::shared_ptr<domain::FixedClock> clock = std::make_shared<domain::FixedClock>(test::at("2026-07-14T07:40:00Z"));
    std::shared_ptr<ui::Session> session;
    ui::MainFrame* frame = nullptr;
    ui::DeskPanel* desk = nullptr;

    Journey()
    {
        {
            auto store = engine.open();
            test::seedWorld(*store);
            app::NewEmployee form;
            form.login = "claire";
            form.name = "Claire Muller";
            form.role = domain::Role::Manager;
            const auto manager = app::addEmployee(*store, *clock, form, std::nullopt);
            session = ui::MakeSession(engine.location(), clock);
            session->zone = domain::BusinessZone("Europe/Paris");
            session->employee = manager;
        }
        ui::SetOpenPrintedReceipts(false);
        frame = new ui::MainFrame(session);
        frame->SetPosition(wxPoint(0, 0));
        frame->SetSize(wxSize(1280, 800));
        frame->Show();
        frame->Raise();
        desk = frame->Desk();
    }
    ~Journey()
    {
        frame->Destroy();
        test::Pump(100ms);
    }
    void Settle() const
    {
        REQUIRE(test::PumpUntil([this] { return !desk->IsBusy() && (!desk->CurrentSale() || !desk->CurrentSale()->IsBusy()); }));
    }
    void Shot(const char* name) const { test::SaveScreenshot(frame, name); }
};

// The count typed from the keyboard: Tab to each denomination's field, its quantity.
void TypeCount(ui::CashCountGrid* grid, std::initializer_list<std::pair<std::int64_t, const char*>> quantities)
{
    for (const auto& [cents, quantity] : quantities) {
        INFO("denomination " << cents);
        REQUIRE(TabTo(grid->QuantityField(cents)));
        Type(quantity);
    }
}

// Scans a ticket: the scanner types its reference and Enter into the field that has the focus.
void Scan(Journey& j, const std::string& ref)
{
    const int before = j.desk->Banner()->ScanNumber();
    Type(wxString::FromUTF8(ref));
    Key(WXK_RETURN);
    REQUIRE(test::PumpUntil([&] { return j.desk->Banner()->ScanNumber() == before + 1; }, 10s));
    j.Settle();
}

}  // namespace

TEST_CASE("a day at the desk through the menus and the keys: drawer, sales, scans, refund, Z, closings",
          "[ui][desk][journey]")
{
    Journey j;
    CapturedViewer viewer;
    const Menus menus{j.frame};

    // ---- The Desk view (F2 in the View menu): the drawer is closed and says how to start.
    menus.Click("View", "Desk");
    REQUIRE(test::PumpUntil([&] { return j.desk->IsLoaded(); }));
    REQUIRE(j.frame->CurrentView() == ui::MainFrame::View::Desk);
    CHECK(j.desk->DrawerText() == wxString::FromUTF8("Drawer closed — open it to take cash"));
    CHECK(j.desk->NextStepButton()->GetLabelText() == wxString::FromUTF8("Open the drawer…"));
    CHECK(menus.Enabled("Desk", "Open the drawer…"));
    CHECK_FALSE(menus.Enabled("Desk", "Cash in / out…"));
    j.Shot("journey_01_desk_closed");

    // ---- Desk ▸ Open the drawer…: a float of 150 € counted (1 × 100, 1 × 50), then Open.
    menus.Click("Desk", "Open the drawer…");
    REQUIRE(test::PumpUntil([&] { return j.desk->CurrentCashDrawer() && j.desk->CurrentCashDrawer()->IsLoaded(); }));
    ui::CashDrawerDialog* drawer = Placed(j.desk->CurrentCashDrawer());
    REQUIRE(test::PumpUntil([&] { return !drawer->IsBusy(); }));
    CHECK(drawer->HeadlineText() == "Drawer closed");
    TypeCount(drawer->CountGrid(), {{10000, "1"}, {5000, "1"}});
    CHECK(drawer->CountGrid()->TotalText() == Money(15000));
    j.Shot("journey_02_drawer_count");
    test::SaveScreenshot(drawer, "journey_02_drawer_count_dialog");
    REQUIRE(TabTo(drawer->OpenButton()));
    Key(WXK_SPACE);
    REQUIRE(test::PumpUntil([&] { return drawer->IsOpen() && !drawer->IsBusy(); }));
    INFO(drawer->ErrorText().utf8_string());
    CHECK(drawer->ExpectedText() == Money(15000));
    Key(WXK_ESCAPE);
    REQUIRE(test::PumpUntil([&] { return j.desk->CurrentCashDrawer() == nullptr; }));
    j.Settle();
    REQUIRE(j.desk->Drawer());
    CHECK(j.desk->Drawer()->state == app::DeskDrawer::State::Open);
    CHECK(j.desk->DrawerText() == "Drawer open since " + ui::FormatWallTime(domain::Minutes{9 * 60 + 40}) + ", float " +
                                      Money(15000) + ", expected " + Money(15000));
    CHECK(j.desk->NextStepButton()->GetLabelText() == "Close the day (Z)…");
    j.Shot("journey_03_drawer_open");

    // ---- Sale 1 (F5): 2 adults, 24 €. A stray Enter does not sell; 50 € given, 26 € change.
    menus.Click("Desk", "Find or scan a booking");
    REQUIRE(wxWindow::FindFocus() == j.desk->SearchField());
    Key(WXK_F5);
    REQUIRE(test::PumpUntil([&] { return j.desk->CurrentSale() && j.desk->CurrentSale()->IsReady(); }, 10s));
    ui::SaleDialog* sale = Placed(j.desk->CurrentSale());
    test::Pump(200ms);
    REQUIRE(wxWindow::FindFocus() == sale->Adults());
    Type("2");
    CHECK(sale->TotalText() == "Total: " + Money(2400));
    Key(WXK_RETURN);
    CHECK_FALSE(sale->Result());
    CHECK_FALSE(sale->IsBusy());
    CHECK(sale->HighlightedField() == sale->CashGiven());
    CHECK(wxWindow::FindFocus() == sale->CashGiven());
    CHECK_FALSE(sale->ErrorText().empty());
    test::SaveScreenshot(sale, "journey_04_sale_incomplete");
    Type("50");
    CHECK(sale->ChangeText() == "Change: " + Money(2600));
    Key(WXK_RETURN);
    REQUIRE(test::PumpUntil([&] { return sale->Result().has_value() || !sale->ErrorText().empty(); }, 10s));
    test::Pump(100ms);
    INFO(sale->ErrorText().utf8_string());
    REQUIRE(sale->Result());
    const auto first = *sale->Result();
    CHECK(first.change == Euros(2600));
    CHECK(sale->ChangeText() == "Change to give: " + Money(2600));
    test::SaveScreenshot(sale, "journey_05_sale_cash");
    Key(WXK_RETURN);   // closes, back to the scan field
    REQUIRE(test::PumpUntil([&] { return j.desk->CurrentSale() == nullptr; }, 5s));
    j.Settle();
    CHECK(j.desk->DrawerText().EndsWith("expected " + Money(17400)));

    // ---- Sale 2 (F5): 1 adult and 1 child (19 €) by card, chosen with its key (Alt+D).
    test::Pump(200ms);
    Key(WXK_F5);
    REQUIRE(test::PumpUntil([&] { return j.desk->CurrentSale() && j.desk->CurrentSale()->IsReady(); }, 10s));
    sale = Placed(j.desk->CurrentSale());
    test::Pump(200ms);
    Type("1");
    Key(WXK_TAB);
    Type("1");
    CHECK(sale->TotalText() == "Total: " + Money(1900));
    REQUIRE(TabTo(sale->CashChoice()));   // the payment methods: Right goes from cash to card
    Key(WXK_RIGHT);
    REQUIRE(sale->CardChoice()->GetValue());
    Key(WXK_RETURN);
    REQUIRE(test::PumpUntil([&] { return sale->Result().has_value() || !sale->ErrorText().empty(); }, 10s));
    INFO(sale->ErrorText().utf8_string());
    REQUIRE(sale->Result());
    const auto second = *sale->Result();
    CHECK(second.sale.booking.total == Euros(1900));
    CHECK(second.change == Euros(0));
    test::SaveScreenshot(sale, "journey_06_sale_card");
    Key(WXK_RETURN);
    REQUIRE(test::PumpUntil([&] { return j.desk->CurrentSale() == nullptr; }, 5s));
    j.Settle();
    CHECK(j.desk->DrawerText().EndsWith("expected " + Money(17400)));   // a card sale leaves the drawer as it was

    // ---- Sale 3: the 10:30 departure chosen in the list (Tab, Down), F5, 1 adult for Paul Weber,
    // exact cash (12 €).
    test::Pump(200ms);
    REQUIRE(TabTo(j.desk->DepartureList()));
    Key(WXK_DOWN);   // 10:00 → 10:30
    CHECK(j.desk->SelectedDeparture() == std::optional<std::size_t>(1));
    Key(WXK_F5);
    REQUIRE(test::PumpUntil([&] { return j.desk->CurrentSale() && j.desk->CurrentSale()->IsReady(); }, 10s));
    sale = Placed(j.desk->CurrentSale());
    test::Pump(200ms);
    REQUIRE(TabTo(sale->CustomerName()));
    Type("Paul Weber");
    REQUIRE(TabTo(sale->ExactAmount()));
    Key(WXK_SPACE);
    CHECK(sale->ExactAmount()->GetValue());
    Key(WXK_RETURN);
    REQUIRE(test::PumpUntil([&] { return sale->Result().has_value() || !sale->ErrorText().empty(); }, 10s));
    INFO(sale->ErrorText().utf8_string());
    REQUIRE(sale->Result());
    const auto third = *sale->Result();
    CHECK(third.sale.booking.total == Euros(1200));
    CHECK(third.sale.booking.departureStart == test::at("2026-07-14T08:30:00Z"));
    Key(WXK_RETURN);
    REQUIRE(test::PumpUntil([&] { return j.desk->CurrentSale() == nullptr; }, 5s));
    j.Settle();
    CHECK(j.desk->DrawerText().EndsWith("expected " + Money(18600)));
    // The desk's own sales show at once: 22 seats at 10:00, 4 sold (2 + 2); 1 at 10:30.
    REQUIRE(j.desk->Day());
    CHECK(j.desk->Day()->departures[0].seatsFree == 22 - 4);
    CHECK(j.desk->Day()->departures[1].seatsFree == 22 - 1);

    // ---- The queue: the first ticket boards.
    test::Pump(200ms);
    REQUIRE(wxWindow::FindFocus() == j.desk->SearchField());
    Scan(j, first.sale.booking.ref.str());
    REQUIRE(j.desk->LastScan());
    CHECK(j.desk->LastScan()->outcome == app::ScanOutcome::Boarded);
    CHECK(j.desk->Banner()->Outcome() == app::ScanOutcome::Boarded);
    CHECK(j.desk->Banner()->WhoText().StartsWith(wxString::FromUTF8(first.sale.booking.ref.str())));
    CHECK(j.desk->Banner()->TimeText() == "09:40:00 · scan 1");
    CHECK(j.desk->SearchField()->GetValue().empty());
    j.Shot("journey_07_scan_boarded");

    // A wrong reference: red, the field empty again, nothing left of the previous passenger.
    j.clock->set(test::at("2026-07-14T07:40:07Z"));
    Scan(j, "SN-JP5JMFXQ");
    CHECK(j.desk->Banner()->Outcome() == app::ScanOutcome::Unknown);
    CHECK(j.desk->Banner()->WhoText() == "SN-JP5JMFXQ");
    CHECK_FALSE(j.desk->Banner()->DetailText().Contains(wxString::FromUTF8(first.sale.booking.ref.str())));
    CHECK_FALSE(j.desk->Banner()->Reference());
    CHECK(j.desk->Banner()->TimeText() == "09:40:07 · scan 2");
    CHECK(j.desk->SearchField()->GetValue().empty());
    CHECK(wxWindow::FindFocus() == j.desk->SearchField());
    CHECK(j.desk->Results().empty());
    j.Shot("journey_08_scan_wrong");

    // The second ticket scanned straight after boards: nothing glued to it.
    j.clock->set(test::at("2026-07-14T07:40:12Z"));
    Scan(j, second.sale.booking.ref.str());
    CHECK(j.desk->LastScan()->outcome == app::ScanOutcome::Boarded);
    CHECK(j.desk->Banner()->WhoText().StartsWith(wxString::FromUTF8(second.sale.booking.ref.str())));
    CHECK(j.desk->Banner()->TimeText() == "09:40:12 · scan 3");
    CHECK(j.desk->SearchField()->GetValue().empty());
    j.Shot("journey_09_scan_second");

    // ---- Paul Weber cancels: found by name, his card (Enter), Cancel…, the cash goes back.
    j.clock->set(test::at("2026-07-14T07:41:00Z"));
    Type("Weber");
    REQUIRE(test::PumpUntil([&] { return !j.desk->IsBusy() && !j.desk->Results().empty(); }, 10s));
    CHECK(j.desk->Results().front().booking.ref == third.sale.booking.ref);
    Key(WXK_RETURN);
    REQUIRE(test::PumpUntil([&] { return j.desk->CurrentCard() && j.desk->CurrentCard()->IsLoaded(); }, 10s));
    ui::BookingCardDialog* card = Placed(j.desk->CurrentCard());
    CHECK(card->ActionButton(app::BookingAction::Cancel)->IsEnabled());
    REQUIRE(card->HistoryList()->GetItemCount() >= 1);
    CHECK(card->HistoryList()->GetItemText(0, 1) == "Sold");   // words, not "booking.sell"
    test::SaveScreenshot(card, "journey_10_card");
    bool reasonTyped = false;
    WhenModal form([&](wxDialog& dialog) {
        dialog.Move(200, 200);
        test::SaveScreenshot(&dialog, "journey_11_cancel_form");
        wxUIActionSimulator sim;
        sim.Text("Client malade");
        sim.Char(WXK_RETURN);
        reasonTyped = true;
    });
    REQUIRE(TabTo(card->ActionButton(app::BookingAction::Cancel)));
    Key(WXK_SPACE);
    REQUIRE(test::PumpUntil([&] { return reasonTyped && card->IsLoaded() && !card->IsBusy(); }, 15s));
    test::Pump(200ms);
    INFO(card->MessageText().utf8_string());
    CHECK(card->Card()->summary.booking.state == domain::BookingState::Cancelled);
    CHECK(card->MessageText() == "Cancelled; " + Money(1200) + " to give back.");
    CHECK_FALSE(card->ActionButton(app::BookingAction::Cancel)->IsEnabled());
    test::SaveScreenshot(card, "journey_12_card_cancelled");
    Key(WXK_ESCAPE);   // closes the card, also now that its Cancel button is greyed
    REQUIRE(test::PumpUntil([&] { return j.desk->CurrentCard() == nullptr; }, 5s));
    j.Settle();
    CHECK(j.desk->DrawerText().EndsWith("expected " + Money(17400)));

    // ---- Desk ▸ Cash in / out…: 20 € out for the change of the café next door.
    j.clock->set(test::at("2026-07-14T07:42:00Z"));
    CHECK(menus.Enabled("Desk", "Cash in / out…"));
    menus.Click("Desk", "Cash in / out…");
    REQUIRE(test::PumpUntil([&] { return j.desk->CurrentCashDrawer() && j.desk->CurrentCashDrawer()->IsLoaded(); }));
    drawer = Placed(j.desk->CurrentCashDrawer());
    REQUIRE(test::PumpUntil([&] { return !drawer->IsBusy(); }));
    CHECK(drawer->ExpectedText() == Money(17400));
    REQUIRE(TabTo(drawer->PayInChoice(), true));
    Key(WXK_RIGHT);
    CHECK(drawer->PayOutChoice()->GetValue());
    REQUIRE(TabTo(drawer->AmountField()));
    Type("20");
    REQUIRE(TabTo(drawer->ReasonField()));
    Type(wxString::FromUTF8("Monnaie pour le café"));
    Key(WXK_RETURN);
    REQUIRE(test::PumpUntil([&] { return !drawer->IsBusy() && drawer->Movements()->GetItemCount() == 1; }, 10s));
    INFO(drawer->ErrorText().utf8_string());
    CHECK(drawer->Movements()->GetItemText(0, 1) == Money(-2000));
    CHECK(drawer->ExpectedText() == Money(15400));
    test::SaveScreenshot(drawer, "journey_13_cash_out");
    Key(WXK_ESCAPE);
    REQUIRE(test::PumpUntil([&] { return j.desk->CurrentCashDrawer() == nullptr; }));
    j.Settle();
    CHECK(j.desk->DrawerText().EndsWith("expected " + Money(15400)));

    // ---- 17:00, every boat is back. Desk ▸ End of day (F8): the two boarded rides completed.
    j.clock->set(test::at("2026-07-14T15:00:00Z"));
    menus.Click("Desk", "End of day (no-shows)…");
    REQUIRE(test::PumpUntil([&] { return j.desk->CurrentEndOfDay() && j.desk->CurrentEndOfDay()->Summary(); }, 10s));
    ui::EndOfDayDialog* endOfDay = Placed(j.desk->CurrentEndOfDay());
    REQUIRE(test::PumpUntil([&] { return !endOfDay->IsBusy(); }));
    CHECK(endOfDay->Summary()->completed == 2);
    CHECK(endOfDay->Summary()->noShows == 0);
    test::Pump(100ms);
    Key(WXK_SPACE);   // Apply has the focus
    REQUIRE(test::PumpUntil([&] { return endOfDay->IsApplied() && !endOfDay->IsBusy(); }, 10s));
    CHECK(endOfDay->SummaryText().StartsWith("Done. "));
    test::SaveScreenshot(endOfDay, "journey_14_end_of_day");
    Key(WXK_ESCAPE);
    REQUIRE(test::PumpUntil([&] { return j.desk->CurrentEndOfDay() == nullptr; }));

    // ---- Desk ▸ Close the day (Z)… (F9): 154 € counted (1 × 100, 1 × 50, 2 × 2), no difference.
    menus.Click("Desk", "Close the day (Z)…");
    REQUIRE(test::PumpUntil([&] { return j.desk->CurrentCloseDay() && j.desk->CurrentCloseDay()->IsLoaded(); }, 10s));
    ui::CloseDayDialog* close = Placed(j.desk->CurrentCloseDay());
    REQUIRE(test::PumpUntil([&] { return !close->IsBusy(); }));
    CHECK(close->ExpectedText() == Money(15400));
    TypeCount(close->CountGrid(), {{10000, "1"}, {5000, "1"}, {200, "2"}});
    CHECK(close->DifferenceText() == Money(0));
    test::SaveScreenshot(close, "journey_15_close_day_count");
    REQUIRE(TabTo(close->CloseDayButton()));
    Key(WXK_SPACE);
    REQUIRE(test::PumpUntil([&] { return close->Stored() && !close->IsBusy(); }, 10s));
    INFO(close->ErrorText().utf8_string());
    REQUIRE(test::PumpUntil([&] { return close->IsPrinted() && !close->IsBusy(); }, 10s));

    // The Z: the sales (24 + 19 + 12) less the cancelled ride given back (12), to the cent.
    const domain::Closing z = *close->Stored();
    CHECK(z.number == 1);
    CHECK(z.receiptCount == 4);   // three sales, one cancellation
    CHECK(z.periodTotal == Euros(4300));
    CHECK(z.cancellationCount == 1);
    CHECK(z.cancellations == Euros(1200));
    CHECK(z.refundCount == 1);
    CHECK(z.refunds == Euros(1200));
    REQUIRE(z.byMethod.size() == 2);
    CHECK(z.byMethod[0].method == domain::PaymentMethod::Cash);
    CHECK(z.byMethod[0].amount == Euros(2400));   // 24 + 12 − 12
    CHECK(z.byMethod[1].method == domain::PaymentMethod::Card);
    CHECK(z.byMethod[1].amount == Euros(1900));
    REQUIRE(z.byVat.size() == 1);
    CHECK(z.byVat[0].rateBasisPoints == 1000);
    CHECK(z.byVat[0].total == Euros(4300));
    CHECK(z.byVat[0].base + z.byVat[0].vat == Euros(4300));
    CHECK(z.openingFloat == Euros(15000));
    CHECK(z.cashIn == Euros(0));
    CHECK(z.cashOut == Euros(2000));
    CHECK(z.expectedCash == Euros(15400));
    CHECK(z.countedCash == Euros(15400));
    CHECK(z.difference == Euros(0));
    // Its PDF went to the viewer.
    REQUIRE_FALSE(viewer.files.empty());
    CHECK(std::filesystem::file_size(viewer.files.back()) > 1000);
    test::SaveScreenshot(close, "journey_16_close_day_done");
    Key(WXK_ESCAPE);
    REQUIRE(test::PumpUntil([&] { return j.desk->CurrentCloseDay() == nullptr; }));
    j.Settle();
    CHECK(j.desk->Drawer()->state == app::DeskDrawer::State::DayClosed);
    CHECK(j.desk->DrawerText() == "Day closed: Z #1");
    CHECK(j.desk->NextStepButton()->GetLabelText() == wxString::FromUTF8("Closings…"));
    j.Shot("journey_17_day_closed");

    // ---- Desk ▸ Closings…: the day's Z is listed with its total.
    menus.Click("Desk", "Closings…");
    REQUIRE(test::PumpUntil([&] { return j.desk->CurrentClosings() && j.desk->CurrentClosings()->IsLoaded(); }, 10s));
    ui::ClosingsDialog* closings = Placed(j.desk->CurrentClosings());
    REQUIRE(test::PumpUntil([&] { return !closings->IsBusy(); }));
    REQUIRE(closings->List()->GetItemCount() == 1);
    CHECK(closings->List()->GetItemText(0, 0) == "1");
    CHECK(closings->List()->GetItemText(0, 4) == "4");
    CHECK(closings->List()->GetItemText(0, 5) == Money(4300));
    CHECK(closings->List()->GetItemText(0, 6) == Money(0));
    CHECK(closings->List()->GetItemText(0, 7) == "Claire Muller");
    test::SaveScreenshot(closings, "journey_18_closings");
    Key(WXK_ESCAPE);
    REQUIRE(test::PumpUntil([&] { return j.desk->CurrentClosings() == nullptr; }));

    // The same day at 1600×1000: nothing clipped at the larger size either.
    j.frame->SetSize(wxSize(1600, 1000));
    test::Pump(200ms);
    j.Shot("journey_19_desk_1600");
}
