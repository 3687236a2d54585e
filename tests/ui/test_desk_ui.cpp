// The Desk view driven for real under Xvfb on a small known world (two boats, 10:00–12:00 every 30
// minutes, adult 12.00 €) at 09:40 on 14 July 2026: a quick sale by keyboard only, a scan that
// boards, a scan of a cancelled booking that is refused with its reason, the booking card and the
// end of day. Screenshots: desk.png, desk_sale.png, desk_scan_boarded.png, desk_scan_cancelled.png,
// desk_card.png, desk_end_of_day.png.
#include <catch2/catch.hpp>

#include "ui_support.h"

#include "app/cancellation.h"
#include "app/desk.h"
#include "app/store_factory.h"
#include "support/engines.h"
#include "support/world.h"
#include "ui/booking_card_dialog.h"
#include "ui/cash_count_grid.h"
#include "ui/cash_drawer_dialog.h"
#include "ui/desk_banner.h"
#include "ui/desk_panel.h"
#include "ui/desk_print.h"
#include "ui/end_of_day_dialog.h"
#include "ui/format.h"
#include "ui/main_frame.h"
#include "ui/nav_bar.h"
#include "ui/sale_dialog.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/datectrl.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include <filesystem>

using namespace narcisse;
using namespace std::chrono_literals;

namespace {

// A seeded store, a session on it at 09:40 local, and the main window on the Desk view.
struct Desk {
    test::TempDir dir;
    std::string file = dir.file("desk.db");
    std::shared_ptr<domain::FixedClock> clock = std::make_shared<domain::FixedClock>(test::at("2026-07-14T07:40:00Z"));
    std::shared_ptr<ui::Session> session;
    ui::MainFrame* frame = nullptr;
    ui::DeskPanel* desk = nullptr;

    Desk()
    {
        {
            auto store = app::openStore(file);
            test::seedWorld(*store);
        }
        session = ui::MakeSession(file, clock);
        session->zone = domain::BusinessZone();
        ui::SetOpenPrintedReceipts(false);
        frame = new ui::MainFrame(session);
        frame->SetPosition(wxPoint(0, 0));
        frame->Show();
        frame->ShowView(ui::MainFrame::View::Desk);
        desk = frame->Desk();
        REQUIRE(test::PumpUntil([this] { return desk->IsLoaded(); }));
    }
    ~Desk()
    {
        frame->Destroy();
        test::Pump(50ms);
    }
    std::unique_ptr<domain::Store> Store() const { return app::openStore(file); }
    // Waits until the panel and its dialogs have their answers.
    void Settle() const
    {
        REQUIRE(test::PumpUntil([this] { return !desk->IsBusy() && (!desk->CurrentSale() || !desk->CurrentSale()->IsBusy()); }));
    }
};

domain::Booking StoredBooking(domain::Store& store, const domain::PublicRef& ref)
{
    std::optional<domain::Booking> b;
    store.read([&](domain::StoreReader& r) { b = r.bookingByRef(ref); });
    REQUIRE(b);
    return *b;
}

// Sells one adult for the 10:00 departure, paid by card, as another desk would.
app::DeskSaleResult SellAt10(domain::Store& store, const domain::Clock& clock, const std::string& name)
{
    app::DeskSaleRequest request;
    request.sale.date = test::bastilleDay();
    request.sale.time = std::chrono::minutes{10 * 60};
    request.sale.party = {1, 0, 0};
    domain::Customer customer;
    customer.id = domain::Uuid::generate();
    customer.name = name;
    request.sale.customer = customer;
    request.tenders = {app::Tender{domain::PaymentMethod::Card, domain::Money::euros(12), {}, {}}};
    return app::sellAtDesk(store, clock, request);
}

// Types into whatever has the focus, as a barcode scanner or a person at the keyboard does.
void Type(const wxString& text)
{
    wxUIActionSimulator sim;
    sim.Text(text.utf8_str());
    test::Pump(80ms);
}

void Key(int key)
{
    wxUIActionSimulator sim;
    sim.Char(key);
    test::Pump(80ms);
}

// Desk ▸ Open the drawer… with a float of `tens` × 10 €, as the day starts: cash can be taken then.
void OpenDrawerByMenu(Desk& d, const wxString& tens)
{
    const int id = d.frame->GetMenuBar()->FindMenuItem("Desk", wxString::FromUTF8("Open the drawer…"));
    REQUIRE(id != wxNOT_FOUND);
    wxCommandEvent click(wxEVT_MENU, id);
    d.frame->GetEventHandler()->ProcessEvent(click);
    REQUIRE(test::PumpUntil([&] { return d.desk->CurrentCashDrawer() && d.desk->CurrentCashDrawer()->IsLoaded(); }));
    ui::CashDrawerDialog* drawer = d.desk->CurrentCashDrawer();
    REQUIRE(test::PumpUntil([&] { return !drawer->IsBusy(); }));
    drawer->CountGrid()->QuantityField(1000)->SetValue(tens);
    drawer->OpenDrawer();
    REQUIRE(test::PumpUntil([&] { return drawer->IsOpen() && !drawer->IsBusy(); }));
    drawer->Close();
    REQUIRE(test::PumpUntil([&] { return d.desk->CurrentCashDrawer() == nullptr; }));
    d.Settle();
    REQUIRE(d.desk->Drawer());
    REQUIRE(d.desk->Drawer()->state == app::DeskDrawer::State::Open);
}

}  // namespace

TEST_CASE("a quick sale by keyboard only: F5, 2 adults, 50 in cash, Enter", "[ui][desk]")
{
    Desk d;
    CHECK(d.frame->Navigation()->Labels()[1] == "Desk");
    // At 09:40 the next departure is 10:00, preselected; the search field has the focus.
    REQUIRE(d.desk->Day());
    REQUIRE_FALSE(d.desk->Day()->departures.empty());
    CHECK(d.desk->SelectedDeparture() == d.desk->Day()->preselected);
    CHECK(d.desk->DepartureList()->GetItemText(0) == ui::FormatWallTime(std::chrono::minutes{10 * 60}));
    d.frame->Raise();
    d.desk->FocusSearch();
    test::Pump(200ms);
    REQUIRE(wxWindow::FindFocus() == d.desk->SearchField());
    CHECK(d.desk->DrawerText() == wxString::FromUTF8("Drawer closed — open it to take cash"));
    test::SaveScreenshot(d.frame, "desk");

    // Cash is taken from an open drawer only: the day starts with its float (10 × 10 €).
    OpenDrawerByMenu(d, "10");
    d.frame->Raise();
    d.desk->FocusSearch();
    test::Pump(200ms);

    Key(WXK_F5);
    REQUIRE(test::PumpUntil([&] { return d.desk->CurrentSale() && d.desk->CurrentSale()->IsReady(); }, 10s));
    ui::SaleDialog* sale = d.desk->CurrentSale();
    test::Pump(200ms);
    REQUIRE(wxWindow::FindFocus() == sale->Adults());
    Type("2");
    CHECK(sale->Adults()->GetValue() == 2);
    CHECK(sale->TotalText() == "Total: " + ui::FormatMoney(domain::Money::euros(24)));
    for (int tabs = 0; tabs < 6 && wxWindow::FindFocus() != sale->CashGiven(); ++tabs) Key(WXK_TAB);
    REQUIRE(wxWindow::FindFocus() == sale->CashGiven());
    Type("50");
    CHECK(sale->ChangeText() == "Change: " + ui::FormatMoney(domain::Money::euros(26)));
    Key(WXK_RETURN);
    REQUIRE(test::PumpUntil([&] { return sale->Result().has_value() || !sale->ErrorText().empty(); }, 10s));
    INFO(sale->ErrorText().ToStdString());
    REQUIRE(sale->Result());
    const app::DeskSaleResult result = *sale->Result();
    CHECK(sale->ChangeText() == "Change to give: " + ui::FormatMoney(domain::Money::euros(26)));
    CHECK(sale->OutcomeText().StartsWith("Sold: receipt no. 1 "));

    // In the database: CONFIRMED, 24.00 € cash, receipt #1 with the change.
    auto store = d.Store();
    const domain::Booking stored = StoredBooking(*store, result.sale.booking.ref);
    CHECK(stored.state == domain::BookingState::Confirmed);
    CHECK(stored.party == domain::Party{2, 0, 0});
    std::vector<domain::Payment> payments;
    store->read([&](domain::StoreReader& r) { payments = r.paymentsOfBooking(stored.id); });
    REQUIRE(payments.size() == 1);
    CHECK(payments[0].method == domain::PaymentMethod::Cash);
    CHECK(payments[0].amount == domain::Money::euros(24));
    REQUIRE(result.receipt);
    CHECK(result.receipt->number == 1);
    CHECK(result.change == domain::Money::euros(26));
    test::SaveScreenshot(sale, "desk_sale");

    // Ctrl+P: the receipt's PDF is written.
    sale->PrintReceipt();
    REQUIRE(test::PumpUntil([&] { return !sale->PrintedPath().empty() || sale->ErrorText() != ""; }, 10s));
    INFO(sale->ErrorText().ToStdString());
    CHECK(std::filesystem::exists(sale->PrintedPath().ToStdString()));

    // Enter again closes the dialog; the focus is back in the scan field and the seats are fewer.
    Key(WXK_RETURN);
    REQUIRE(test::PumpUntil([&] { return d.desk->CurrentSale() == nullptr; }, 5s));
    d.Settle();
    CHECK(d.desk->Day()->departures[0].seatsFree == 22 - 2);
}

TEST_CASE("a scan boards a booking, a cancelled one is refused with its reason", "[ui][desk]")
{
    Desk d;
    auto store = d.Store();
    const auto sold = SellAt10(*store, *d.clock, "Anne Muller");
    const std::string ref = sold.sale.booking.ref.str();

    // The scanner types the reference and Enter into the field that has the focus.
    d.frame->Raise();
    d.desk->FocusSearch();
    test::Pump(200ms);
    Type(wxString::FromUTF8(ref));
    Key(WXK_RETURN);
    REQUIRE(test::PumpUntil([&] { return d.desk->LastScan().has_value(); }, 10s));
    d.Settle();
    CHECK(d.desk->LastScan()->outcome == app::ScanOutcome::Boarded);
    CHECK(d.desk->Banner()->Outcome() == app::ScanOutcome::Boarded);
    CHECK(d.desk->Banner()->TitleText().EndsWith("Boarded"));
    CHECK(d.desk->Banner()->DetailText().Contains(wxString::FromUTF8(ref)));
    CHECK(d.desk->SearchField()->GetValue().empty());   // ready for the next ticket
    CHECK(StoredBooking(*store, sold.sale.booking.ref).state == domain::BookingState::Embarqued);
    test::SaveScreenshot(d.frame, "desk_scan_boarded");

    // The booking card of the boarded booking: its history and what it allows now.
    d.desk->OpenCard(sold.sale.booking.ref);
    ui::BookingCardDialog* card = d.desk->CurrentCard();
    REQUIRE(card);
    REQUIRE(test::PumpUntil([&] { return card->IsLoaded() || !card->MessageText().empty(); }, 10s));
    INFO(card->MessageText().ToStdString());
    REQUIRE(card->Card());
    CHECK(card->Card()->summary.booking.state == domain::BookingState::Embarqued);
    CHECK_FALSE(card->ActionButton(app::BookingAction::Board)->IsEnabled());
    CHECK_FALSE(card->ActionButton(app::BookingAction::ResendConfirmation)->IsEnabled());
    CHECK_FALSE(card->Card()->history.empty());
    test::SaveScreenshot(card, "desk_card");
    card->Close();
    test::Pump(100ms);

    // A second scan of the same ticket: already boarded.
    d.desk->FocusSearch();
    Type(wxString::FromUTF8(ref));
    Key(WXK_RETURN);
    REQUIRE(test::PumpUntil([&] { return d.desk->LastScan()->outcome != app::ScanOutcome::Boarded; }, 10s));
    CHECK(d.desk->Banner()->Outcome() == app::ScanOutcome::AlreadyBoarded);

    // A cancelled booking: refused, the reason shown, nothing changed.
    const auto other = SellAt10(*store, *d.clock, "Paul Weber");
    app::CancelRequest cancel;
    cancel.ref = other.sale.booking.ref;
    cancel.reason = "customer ill";
    app::cancelBooking(*store, *d.clock, cancel);
    d.desk->FocusSearch();
    Type(wxString::FromUTF8(other.sale.booking.ref.str()));
    Key(WXK_RETURN);
    REQUIRE(test::PumpUntil([&] { return d.desk->LastScan()->outcome != app::ScanOutcome::AlreadyBoarded; }, 10s));
    d.Settle();
    CHECK(d.desk->LastScan()->outcome == app::ScanOutcome::Cancelled);
    CHECK(d.desk->Banner()->TitleText().EndsWith("Cancelled"));
    CHECK(d.desk->Banner()->DetailText().Contains("customer ill"));
    CHECK(StoredBooking(*store, other.sale.booking.ref).state == domain::BookingState::Cancelled);
    test::SaveScreenshot(d.frame, "desk_scan_cancelled");

    // Typed text lists the bookings as you type.
    d.desk->FocusSearch();
    Type("Weber");
    REQUIRE(test::PumpUntil([&] { return !d.desk->IsBusy() && !d.desk->Results().empty(); }, 10s));
    CHECK(d.desk->Results().front().booking.ref == other.sale.booking.ref);
}

TEST_CASE("end of day: the preview first, then Apply", "[ui][desk]")
{
    Desk d;
    auto store = d.Store();
    const auto boarded = SellAt10(*store, *d.clock, "Anne Muller");
    const auto missed = SellAt10(*store, *d.clock, "Paul Weber");
    app::boardByScan(*store, *d.clock, boarded.sale.booking.ref.str(), std::nullopt, std::nullopt);
    d.clock->set(test::at("2026-07-14T15:00:00Z"));   // 17:00: every departure has left

    d.desk->OpenEndOfDay();
    ui::EndOfDayDialog* dialog = d.desk->CurrentEndOfDay();
    REQUIRE(dialog);
    REQUIRE(test::PumpUntil([&] { return !dialog->IsBusy() && dialog->Summary(); }, 10s));
    CHECK(dialog->Summary()->noShows == 1);
    CHECK(dialog->Summary()->completed == 1);
    CHECK_FALSE(dialog->IsApplied());
    CHECK(StoredBooking(*store, missed.sale.booking.ref).state == domain::BookingState::Confirmed);   // a preview
    test::SaveScreenshot(dialog, "desk_end_of_day");

    dialog->Apply();
    REQUIRE(test::PumpUntil([&] { return !dialog->IsBusy() && dialog->IsApplied(); }, 10s));
    CHECK(dialog->SummaryText().StartsWith("Done. "));
    CHECK(StoredBooking(*store, missed.sale.booking.ref).state == domain::BookingState::NoShow);
    CHECK(StoredBooking(*store, boarded.sale.booking.ref).state == domain::BookingState::Completed);
}

TEST_CASE("the desk lists another day's departures, one key away", "[ui][desk]")
{
    Desk d;
    // Today at 09:40: the five departures still ahead, the first preselected.
    REQUIRE(d.desk->Day()->date == test::bastilleDay());
    CHECK(d.desk->Day()->departures.size() == 5);
    d.frame->Raise();
    d.desk->FocusSearch();
    test::Pump(200ms);

    // Alt+Right: tomorrow, all its departures, the first with room preselected.
    wxUIActionSimulator sim;
    sim.Char(WXK_RIGHT, wxMOD_ALT);
    REQUIRE(test::PumpUntil([&] { return d.desk->IsLoaded() && d.desk->Day()->date != test::bastilleDay(); }, 10s));
    const domain::LocalDate tomorrow = ui::AddDays(test::bastilleDay(), 1);
    CHECK(d.desk->Day()->date == tomorrow);
    CHECK(ui::FromWxDate(d.desk->DateField()->GetValue()) == tomorrow);
    CHECK(d.desk->Day()->departures.size() == 5);
    CHECK(d.desk->SelectedDeparture() == std::optional<std::size_t>(0));
    test::SaveScreenshot(d.frame, "desk_tomorrow");

    // A phone booking for tomorrow (F6, Enter): the dialog sells that day, not today.
    d.desk->OpenPhoneBooking();
    REQUIRE(test::PumpUntil([&] { return d.desk->CurrentSale() && d.desk->CurrentSale()->IsReady(); }, 10s));
    ui::SaleDialog* sale = d.desk->CurrentSale();
    sale->CustomerName()->SetValue("Marie Klein");
    sale->Confirm();
    REQUIRE(test::PumpUntil([&] { return sale->Result().has_value() || !sale->ErrorText().empty(); }, 10s));
    INFO(sale->ErrorText().utf8_string());
    REQUIRE(sale->Result());
    auto store = d.Store();
    const domain::Booking booked = StoredBooking(*store, sale->Result()->sale.booking.ref);
    CHECK(booked.state == domain::BookingState::Pending);
    CHECK(booked.departureStart == test::at("2026-07-15T08:00:00Z"));
    sale->Destroy();
    d.Settle();
    CHECK(d.desk->Day()->departures[0].seatsFree == 22 - 1);

    // Alt+Left twice: back to today, never before it.
    sim.Char(WXK_LEFT, wxMOD_ALT);
    REQUIRE(test::PumpUntil([&] { return d.desk->IsLoaded() && d.desk->Day()->date == test::bastilleDay(); }, 10s));
    sim.Char(WXK_LEFT, wxMOD_ALT);
    test::Pump(200ms);
    d.Settle();
    CHECK(d.desk->Date() == test::bastilleDay());
}

TEST_CASE("a failed scan clears the field and replaces the whole banner", "[ui][desk]")
{
    Desk d;
    auto store = d.Store();
    const auto sold = SellAt10(*store, *d.clock, "Anne Muller");
    d.frame->Raise();
    d.desk->FocusSearch();
    test::Pump(200ms);
    Type(wxString::FromUTF8(sold.sale.booking.ref.str()));
    Key(WXK_RETURN);
    REQUIRE(test::PumpUntil([&] { return d.desk->Banner()->ScanNumber() == 1; }, 10s));
    d.Settle();
    CHECK(d.desk->Banner()->Outcome() == app::ScanOutcome::Boarded);

    // A reference with a wrong check character: refused, and nothing of Anne Muller is left.
    Type("SN-JP5JMFXQ");
    Key(WXK_RETURN);
    REQUIRE(test::PumpUntil([&] { return d.desk->Banner()->ScanNumber() == 2; }, 10s));
    d.Settle();
    CHECK(d.desk->Banner()->Outcome() == app::ScanOutcome::Unknown);
    CHECK(d.desk->Banner()->WhoText() == "SN-JP5JMFXQ");
    CHECK_FALSE(d.desk->Banner()->DetailText().Contains("Anne Muller"));
    CHECK(d.desk->SearchField()->GetValue().empty());
    CHECK(d.desk->Results().empty());

    // Keystrokes that land on the departures list go to the field: the scanner's Enter boards.
    d.desk->DepartureList()->SetFocus();
    test::Pump(100ms);
    Type(wxString::FromUTF8(sold.sale.booking.ref.str()));
    CHECK(wxWindow::FindFocus() == d.desk->SearchField());
    Key(WXK_RETURN);
    REQUIRE(test::PumpUntil([&] { return d.desk->Banner()->ScanNumber() == 3; }, 10s));
    d.Settle();
    CHECK(d.desk->Banner()->Outcome() == app::ScanOutcome::AlreadyBoarded);
    CHECK(d.desk->CurrentSale() == nullptr);   // the list's Enter (a sale) did not fire
    CHECK(d.desk->SearchField()->GetValue().empty());
}
