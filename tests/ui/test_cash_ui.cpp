// The cash dialogs driven for real under Xvfb on the seeded world (two boats, 12 € adult, 7 € child,
// VAT 10 %), on Bastille Day at 09:30 in Colmar: the drawer opened with a typed count, cash paid out,
// the daily closing refused without a comment when the count differs and stored with one; a gift
// voucher sold by the form and looked up; the integrity check on a sound store.
// Screenshots: cash_drawer.png, close_day.png, close_day_done.png, closings.png, voucher_sale.png,
// voucher_lookup.png, integrity.png.
#include <catch2/catch.hpp>

#include "ui_support.h"

#include "app/cash_drawer.h"
#include "app/desk.h"
#include "app/staff.h"
#include "app/vouchers.h"
#include "support/engines.h"
#include "support/world.h"
#include "ui/cash_count_grid.h"
#include "ui/cash_drawer_dialog.h"
#include "ui/cash_print.h"
#include "ui/close_day_dialog.h"
#include "ui/closings_dialog.h"
#include "ui/format.h"
#include "ui/integrity_dialog.h"
#include "ui/voucher_lookup_dialog.h"
#include "ui/voucher_sale_dialog.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/datectrl.h>
#include <wx/listctrl.h>
#include <wx/radiobut.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>

#include <filesystem>

using namespace narcisse;
using namespace std::chrono_literals;

namespace {

// A seeded store with a manager signed in, the clock at 09:30 in Colmar on Bastille Day.
struct CashWorld {
    test::SqliteEngine engine;
    std::shared_ptr<domain::FixedClock> clock = std::make_shared<domain::FixedClock>(test::at("2026-07-14T07:30:00Z"));
    std::shared_ptr<ui::Session> session;
    domain::Employee manager;

    CashWorld()
    {
        auto store = engine.open();
        test::seedWorld(*store);
        app::NewEmployee form;
        form.login = "claire";
        form.name = "Claire Muller";
        form.role = domain::Role::Manager;
        manager = app::addEmployee(*store, *clock, form, std::nullopt);
        session = ui::MakeSession(engine.location(), clock);
        session->zone = domain::BusinessZone("Europe/Paris");
        session->employee = manager;
    }
    std::unique_ptr<domain::Store> open() const { return engine.open(); }

    // A ride sold at the desk (what the Desk view does), paid by one tender.
    void sell(domain::Minutes time, domain::Party party, domain::PaymentMethod method, domain::Money amount)
    {
        auto store = open();
        app::DeskSaleRequest request;
        request.sale.date = test::bastilleDay();
        request.sale.time = time;
        request.sale.party = party;
        request.sale.employeeId = manager.id;
        request.tenders.push_back(app::Tender{method, amount, {}, {}});
        app::sellAtDesk(*store, *clock, request);
    }
};

void Type(wxTextCtrl* field, const wxString& text)
{
    field->SetFocus();
    field->SetValue(text);   // fires wxEVT_TEXT, as typing does
}

domain::Money Euros(std::int64_t cents) { return domain::Money::cents(cents); }

// The PDF "viewer" of the tests: remembers the file instead of opening it.
struct CapturedViewer {
    std::filesystem::path last;
    CapturedViewer()
    {
        ui::SetDocumentViewer([this](const std::filesystem::path& file) {
            last = file;
            return true;
        });
    }
    ~CapturedViewer() { ui::SetDocumentViewer({}); }
};

}  // namespace

TEST_CASE("the drawer opens with a counted float and the day closes with its count", "[ui][cash]")
{
    CashWorld world;
    CapturedViewer viewer;

    // ---- The drawer: closed, counted 100 € (1 × 50, 2 × 20, 1 × 10) from the keyboard.
    auto* drawer = ui::ShowCashDrawer(nullptr, world.session);
    drawer->Move(0, 0);
    REQUIRE(test::PumpUntil([drawer] { return drawer->IsLoaded() && !drawer->IsBusy(); }));
    CHECK(drawer->HeadlineText() == "Drawer closed");
    CHECK_FALSE(drawer->IsOpen());
    auto* grid = drawer->CountGrid();
    Type(grid->QuantityField(5000), "1");
    Type(grid->QuantityField(2000), "2");
    Type(grid->QuantityField(1000), "1");
    CHECK(grid->TotalText() == ui::FormatMoney(Euros(10000)));
    CHECK(grid->Count().str() == "50x1,20x2,10x1");
    drawer->OpenDrawer();
    REQUIRE(test::PumpUntil([drawer] { return drawer->IsOpen() && !drawer->IsBusy(); }));
    CHECK(drawer->HeadlineText() == "Drawer open since " + ui::FormatWallTime(domain::Minutes{9 * 60 + 30}) +
                                        ", by Claire Muller");
    CHECK(drawer->ExpectedText() == ui::FormatMoney(Euros(10000)));

    // Two rides sold at the desk meanwhile: 2 adults 1 child in cash (31 €), 1 adult by card (12 €).
    world.sell(domain::Minutes{10 * 60}, domain::Party{2, 1, 0}, domain::PaymentMethod::Cash, Euros(3100));
    world.sell(domain::Minutes{10 * 60 + 30}, domain::Party{1, 0, 0}, domain::PaymentMethod::Card, Euros(1200));

    // Stamps bought from the drawer: 15 € out. A missing reason is refused on its field first.
    drawer->PayOutChoice()->SetValue(true);
    Type(drawer->AmountField(), "15");
    drawer->RecordMovement();
    REQUIRE(test::PumpUntil([drawer] { return !drawer->IsBusy(); }));
    INFO(drawer->ErrorText().utf8_string());
    CHECK(drawer->HighlightedField() == drawer->ReasonField());
    Type(drawer->ReasonField(), "Timbres (La Poste)");
    drawer->RecordMovement();
    REQUIRE(test::PumpUntil([drawer] { return !drawer->IsBusy() && drawer->Movements()->GetItemCount() == 1; }));
    CHECK(drawer->ErrorText().empty());
    CHECK(drawer->Movements()->GetItemText(0, 1) == ui::FormatMoney(Euros(-1500)));
    CHECK(drawer->Movements()->GetItemText(0, 2) == "Timbres (La Poste)");
    CHECK(drawer->Movements()->GetItemText(0, 4) == "Claire Muller");
    // 100 float + 31 cash takings − 15 paid out.
    CHECK(drawer->ExpectedText() == ui::FormatMoney(Euros(11600)));

    // The amount moves one way, the one chosen: "Pay in −5" is refused on the amount, not recorded
    // as a pay-out; nor can more go out than the drawer holds (116 €).
    drawer->PayInChoice()->SetValue(true);
    Type(drawer->AmountField(), "-5");
    Type(drawer->ReasonField(), "Correction");
    drawer->RecordMovement();
    REQUIRE(test::PumpUntil([drawer] { return !drawer->IsBusy(); }));
    CHECK(drawer->HighlightedField() == drawer->AmountField());
    drawer->PayOutChoice()->SetValue(true);
    Type(drawer->AmountField(), "5000");
    drawer->RecordMovement();
    REQUIRE(test::PumpUntil([drawer] { return !drawer->IsBusy(); }));
    CHECK(drawer->HighlightedField() == drawer->AmountField());
    CHECK(drawer->Movements()->GetItemCount() == 1);
    CHECK(drawer->ExpectedText() == ui::FormatMoney(Euros(11600)));
    test::SaveScreenshot(drawer, "cash_drawer");
    drawer->Destroy();

    // ---- The closing: the preview, a count 0,50 € short.
    auto* close = ui::ShowCloseDay(nullptr, world.session, test::bastilleDay());
    close->Move(0, 0);
    REQUIRE(test::PumpUntil([close] { return close->IsLoaded() && !close->IsBusy(); }));
    const auto& preview = close->Status()->preview;
    CHECK(preview.receiptCount == 2);
    CHECK(preview.firstReceipt == 1);
    CHECK(preview.lastReceipt == 2);
    CHECK(preview.expectedCash == Euros(11600));
    CHECK(close->ExpectedText() == ui::FormatMoney(Euros(11600)));
    auto* count = close->CountGrid();
    Type(count->QuantityField(10000), "1");
    Type(count->QuantityField(1000), "1");
    Type(count->QuantityField(500), "1");
    Type(count->QuantityField(50), "1");
    CHECK(count->TotalText() == ui::FormatMoney(Euros(11550)));
    CHECK(close->DifferenceText() == ui::FormatMoney(Euros(-50)));

    // Without a comment: refused with the use case's sentence, on the comment field; nothing stored.
    close->CloseTheDay();
    REQUIRE(test::PumpUntil([close] { return !close->IsBusy(); }));
    CHECK(close->ErrorText().StartsWith("comment: is required when the count differs from the expected cash by -0.50"));
    CHECK(close->HighlightedField() == close->CommentField());
    CHECK_FALSE(close->Stored());
    CHECK(app::closings(*world.open()).empty());
    test::SaveScreenshot(close, "close_day");

    // With a comment: closing no. 1, stored and sealed.
    Type(close->CommentField(), "Une pièce de 50 centimes manque : rendu de monnaie probable.");
    close->CloseTheDay();
    REQUIRE(test::PumpUntil([close] { return !close->IsBusy() && close->Stored(); }));
    CHECK(close->ErrorText().empty());
    const auto stored = app::closings(*world.open());
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].number == 1);
    CHECK(stored[0].period == domain::ClosingPeriod::Day);
    CHECK(stored[0].difference == Euros(-50));
    CHECK(stored[0].countedCash == Euros(11550));
    CHECK(stored[0].comment == "Une pièce de 50 centimes manque : rendu de monnaie probable.");
    CHECK(stored[0].hash == close->Stored()->hash);
    CHECK(close->ResultText().StartsWith("Closing no. 1 stored on "));
    CHECK_FALSE(close->CloseDayButton()->IsEnabled());
    CHECK(close->PrintButton()->IsEnabled());

    // "Print Z report": a PDF written and handed to the viewer.
    close->Print();
    REQUIRE(test::PumpUntil([close] { return !close->IsBusy(); }));
    INFO(close->ErrorText().utf8_string());
    REQUIRE(close->IsPrinted());
    CHECK(std::filesystem::file_size(viewer.last) > 1000);
    test::SaveScreenshot(close, "close_day_done");
    close->Destroy();

    // The drawer now says the day is closed.
    drawer = ui::ShowCashDrawer(nullptr, world.session);
    REQUIRE(test::PumpUntil([drawer] { return drawer->IsLoaded() && !drawer->IsBusy(); }));
    CHECK(drawer->HeadlineText() == "Drawer closed: today is already closed");
    drawer->Destroy();

    // The closings list: the day's closing; July has not ended, so it cannot be closed yet.
    auto* list = ui::ShowClosings(nullptr, world.session);
    list->Move(0, 0);
    REQUIRE(test::PumpUntil([list] { return list->IsLoaded() && !list->IsBusy(); }));
    REQUIRE(list->List()->GetItemCount() == 1);
    CHECK(list->List()->GetItemText(0, 0) == "1");
    CHECK(list->List()->GetItemText(0, 6) == ui::FormatMoney(Euros(-50)));
    list->CloseMonth(2026, 7);
    REQUIRE(test::PumpUntil([list] { return !list->IsBusy(); }));
    CHECK(list->MessageText() == "2026-07 has not ended: it can be closed from 2026-08-01");
    test::SaveScreenshot(list, "closings");
    list->Destroy();
    test::Pump(50ms);
}

TEST_CASE("a gift voucher is sold by the form and looked up by its code", "[ui][cash]")
{
    CashWorld world;
    CapturedViewer viewer;
    {
        auto store = world.open();
        domain::CashCount float_;
        float_.quantities[2000] = 5;
        app::openCashSession(*store, *world.clock, float_, world.manager.id);
    }

    auto* sale = ui::ShowVoucherSale(nullptr, world.session);
    sale->Move(0, 0);
    Type(sale->AmountField(), "50");
    Type(sale->BuyerField(), "Jeanne Roth");
    Type(sale->RecipientField(), "Paul et Léa Roth");
    Type(sale->MessageField(), "Joyeux anniversaire ! Une balade sur la Lauch à deux.");
    Type(sale->CashGivenField(), "60");
    CHECK(sale->PriceText() == ui::FormatMoney(Euros(5000)));
    CHECK(sale->ChangeText() == ui::FormatMoney(Euros(1000)));
    sale->Sell();
    REQUIRE(test::PumpUntil([sale] { return !sale->IsBusy(); }));
    INFO(sale->ErrorText().utf8_string());
    REQUIRE(sale->Sold());
    const auto code = sale->Sold()->voucher.code.str();
    CHECK(sale->CodeText() == wxString::FromUTF8(code));
    CHECK(sale->Sold()->change == Euros(1000));
    CHECK(sale->Sold()->voucher.expiresOn == domain::LocalDate{date::year{2027}, date::July, date::day{14}});
    sale->Print();
    REQUIRE(test::PumpUntil([sale] { return !sale->IsBusy(); }));
    INFO(sale->ErrorText().utf8_string());
    REQUIRE(sale->IsPrinted());
    CHECK(std::filesystem::file_size(viewer.last) > 1000);
    // Nothing squashed: the dialog is as tall as what it shows needs.
    CHECK(sale->GetSize().y >= sale->GetBestSize().y);
    test::SaveScreenshot(sale, "voucher_sale");
    sale->Destroy();

    // Stored: the card read back through the use case.
    const auto card = app::loadVoucher(*world.open(), *world.clock, code);
    CHECK(card.status.balance == Euros(5000));
    CHECK(card.voucher.recipientName == "Paul et Léa Roth");

    // An unknown code is refused with the use case's sentence; the real one, typed in lower case
    // without its prefix as a hurried desk would, shows its balance.
    auto* lookup = ui::ShowVoucherLookup(nullptr, world.session, "SN-GIFT-00000000");
    lookup->Move(0, 0);
    REQUIRE(test::PumpUntil([lookup] { return !lookup->IsBusy(); }));
    CHECK_FALSE(lookup->ErrorText().empty());
    CHECK(lookup->BalanceText().empty());
    lookup->CodeField()->SetValue(wxString::FromUTF8(code.substr(8)).Lower());
    lookup->LookUp();
    REQUIRE(test::PumpUntil([lookup] { return !lookup->IsBusy(); }));
    INFO(lookup->ErrorText().utf8_string());
    CHECK(lookup->ErrorText().empty());
    CHECK(lookup->BalanceText() == ui::FormatMoney(Euros(5000)));
    CHECK(lookup->StateText() == "Valid: it can pay");
    CHECK(lookup->ExpiryText() == ui::ToWxDate(domain::LocalDate{date::year{2027}, date::July, date::day{14}}).FormatDate());
    REQUIRE(lookup->History()->GetItemCount() == 1);
    CHECK(lookup->History()->GetItemText(0, 1) == "Sold");

    // Extended to the end of the next season.
    static_cast<wxDatePickerCtrl*>(lookup->ExtendField())
        ->SetValue(ui::ToWxDate(domain::LocalDate{date::year{2027}, date::October, date::day{31}}));
    lookup->Extend();
    REQUIRE(test::PumpUntil([lookup] { return !lookup->IsBusy(); }));
    INFO(lookup->ErrorText().utf8_string());
    CHECK(lookup->ExpiryText() == ui::ToWxDate(domain::LocalDate{date::year{2027}, date::October, date::day{31}}).FormatDate());
    CHECK(lookup->History()->GetItemCount() == 2);
    CHECK(lookup->History()->GetItemText(1, 1) == "Expiry extended");
    test::SaveScreenshot(lookup, "voucher_lookup");
    lookup->Destroy();
    test::Pump(50ms);
}

TEST_CASE("the integrity dialog shows every chain sound on a sound store", "[ui][cash]")
{
    CashWorld world;
    {
        auto store = world.open();
        domain::CashCount float_;
        float_.quantities[5000] = 2;
        app::openCashSession(*store, *world.clock, float_, world.manager.id);
    }
    world.sell(domain::Minutes{10 * 60}, domain::Party{2, 0, 0}, domain::PaymentMethod::Cash, Euros(2400));
    world.sell(domain::Minutes{11 * 60}, domain::Party{1, 2, 0}, domain::PaymentMethod::Card, Euros(2600));

    auto* dialog = ui::ShowIntegrity(nullptr, world.session);
    dialog->Move(0, 0);
    REQUIRE(test::PumpUntil([dialog] { return dialog->Report() && !dialog->IsBusy() && dialog->EventsLoaded(); }));
    CHECK(dialog->Report()->ok());
    CHECK(dialog->SummaryText() == "All records sound");
    REQUIRE(dialog->Chains()->GetItemCount() == static_cast<int>(domain::allChains().size()));
    for (int row = 0; row < dialog->Chains()->GetItemCount(); ++row)
        CHECK(dialog->Chains()->GetItemText(row, 2) == "All records sound");
    CHECK(dialog->Chains()->GetItemText(0, 0) == "Receipts");
    CHECK(dialog->Chains()->GetItemText(0, 1) == "2");
    // The journal, newest first: the check itself, then the drawer's opening.
    REQUIRE(dialog->Events()->GetItemCount() >= 2);
    CHECK(dialog->Events()->GetItemText(0, 2) == "Integrity check");
    test::SaveScreenshot(dialog, "integrity");
    dialog->Destroy();
    test::Pump(50ms);
}
