// The accounting screens driven for real under Xvfb on the seeded world (two boats, 12 € adult,
// 7 € child, VAT 10 %), on Bastille Day at 09:30 in Colmar: two rides and a gift voucher sold at the
// desk, the day closed. The Accounting view lists the journal, filters it and finds it matches the
// daily closing; the accounts screen refuses a broken number and saves a valid one; the export
// dialog writes a journal CSV, refuses the FEC without a SIREN, writes it with one, and a
// cancelled export leaves no file. A season-sized journal (300,000 lines) stays fluid.
// Screenshots: accounting.png, accounts.png, export.png, export_refused.png, export_done.png.
#include <catch2/catch.hpp>

#include "ui_support.h"

#include "app/accounting.h"
#include "app/cash_drawer.h"
#include "app/desk.h"
#include "app/settings.h"
#include "app/staff.h"
#include "app/vouchers.h"
#include "support/engines.h"
#include "support/world.h"
#include "ui/accounting_panel.h"
#include "ui/accounts_dialog.h"
#include "ui/export_dialog.h"
#include "ui/format.h"
#include "ui/journal_list.h"
#include "ui/main_frame.h"
#include "ui/nav_bar.h"

#include <wx/button.h>
#include <wx/frame.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

#include <filesystem>
#include <fstream>
#include <future>

using namespace narcisse;
using namespace std::chrono_literals;

namespace {

domain::Money Euros(std::int64_t cents) { return domain::Money::cents(cents); }
constexpr domain::LocalDate kJulyFirst{date::year{2026}, date::July, date::day{1}};
constexpr domain::LocalDate kJulyLast{date::year{2026}, date::July, date::day{31}};

// A seeded store with an administrator signed in, the clock at 09:30 in Colmar on Bastille Day:
// the drawer opened with 100 €, 2 adults 1 child paid in cash (31 €), 1 adult by card (12 €),
// a 50 € gift voucher paid in cash, and the day closed with its count (181 € in the drawer).
struct AccountingWorld {
    test::SqliteEngine engine;
    std::shared_ptr<domain::FixedClock> clock = std::make_shared<domain::FixedClock>(test::at("2026-07-14T07:30:00Z"));
    std::shared_ptr<ui::Session> session;
    domain::Employee admin;

    AccountingWorld()
    {
        auto store = engine.open();
        test::seedWorld(*store);
        app::NewEmployee form;
        form.login = "claire";
        form.name = "Claire Muller";
        form.role = domain::Role::Admin;
        admin = app::addEmployee(*store, *clock, form, std::nullopt);
        domain::CashCount float_;
        float_.quantities[2000] = 5;
        app::openCashSession(*store, *clock, float_, admin.id);
        sell(*store, domain::Minutes{10 * 60}, domain::Party{2, 1, 0}, domain::PaymentMethod::Cash, Euros(3100));
        sell(*store, domain::Minutes{10 * 60 + 30}, domain::Party{1, 0, 0}, domain::PaymentMethod::Card, Euros(1200));
        app::VoucherSaleRequest voucher;
        voucher.value = Euros(5000);
        voucher.buyerName = "Jeanne Roth";
        voucher.employeeId = admin.id;
        app::sellVoucher(*store, *clock, voucher);
        app::CloseDayRequest close;
        close.date = test::bastilleDay();
        close.counted.quantities = {{10000, 1}, {5000, 1}, {2000, 1}, {1000, 1}, {100, 1}};
        close.employeeId = admin.id;
        app::closeDay(*store, *clock, close);
        session = ui::MakeSession(engine.location(), clock);
        session->zone = domain::BusinessZone("Europe/Paris");
        session->employee = admin;
    }
    std::unique_ptr<domain::Store> open() const { return engine.open(); }

    void sell(domain::Store& store, domain::Minutes time, domain::Party party, domain::PaymentMethod method, domain::Money amount)
    {
        app::DeskSaleRequest request;
        request.sale.date = test::bastilleDay();
        request.sale.time = time;
        request.sale.party = party;
        request.sale.employeeId = admin.id;
        request.tenders.push_back(app::Tender{method, amount, {}, {}});
        app::sellAtDesk(store, *clock, request);
    }
};

void Type(wxTextCtrl* field, const wxString& text)
{
    field->SetFocus();
    field->SetValue(text);   // fires wxEVT_TEXT, as typing does
}

std::string FirstLine(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::string line;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);   // a BOM, should the dialect write one
    return line;
}

}  // namespace

TEST_CASE("the Accounting view lists the journal, filters it and checks it against the closings", "[ui][accounting]")
{
    AccountingWorld world;
    auto* frame = new ui::MainFrame(world.session);
    frame->Move(0, 0);
    frame->Show();
    frame->ShowView(ui::MainFrame::View::Accounting);
    auto* panel = frame->Accounting();
    REQUIRE(panel != nullptr);
    CHECK(frame->CurrentView() == ui::MainFrame::View::Accounting);
    REQUIRE(test::PumpUntil([panel] { return panel->IsLoaded() && !panel->IsBusy(); }));
    INFO(panel->StatusText().utf8_string());
    CHECK(panel->From() == kJulyFirst);
    CHECK(panel->To() == kJulyLast);

    // Three entries in the sales journal, each with its VAT at 10 %: 31 € cash (530 / 706 / 44571),
    // 12 € card (511 / 706 / 44571), the 50 € voucher paid in cash (530 / 4191 / 44571).
    auto* journal = panel->Journal();
    REQUIRE(journal->GetItemCount() == 9);
    CHECK(journal->Text(0, ui::JournalList::kDate) == ui::ToWxDate(test::bastilleDay()).FormatDate());
    CHECK(journal->Text(0, ui::JournalList::kJournal) == "VT");
    CHECK(journal->Text(0, ui::JournalList::kNumber) == "1");
    CHECK(journal->Text(0, ui::JournalList::kAccount) == "530");
    CHECK(journal->Text(0, ui::JournalList::kDebit) == ui::FormatMoney(Euros(3100)));
    CHECK(journal->Text(0, ui::JournalList::kCredit).empty());
    CHECK(journal->Text(1, ui::JournalList::kAccount) == "706");
    CHECK(journal->Text(1, ui::JournalList::kCredit) == ui::FormatMoney(Euros(2818)));
    CHECK(journal->Text(2, ui::JournalList::kCredit) == ui::FormatMoney(Euros(282)));
    CHECK(journal->Text(0, ui::JournalList::kLabel).StartsWith("Vente SN-"));
    CHECK(journal->Text(0, ui::JournalList::kLabel).EndsWith(wxString::FromUTF8(" espèces")));
    CHECK(journal->Text(0, ui::JournalList::kPiece) == "T000001");
    CHECK(journal->Text(7, ui::JournalList::kAccount) == "4191");
    CHECK(journal->Text(7, ui::JournalList::kAccountLabel) == wxString::FromUTF8("Avances reçues (bons cadeaux)"));
    CHECK(journal->Text(7, ui::JournalList::kCredit) == ui::FormatMoney(Euros(4545)));
    CHECK(journal->Text(0, ui::JournalList::kFrozen).empty());   // July is open

    // The check: the journal's takings are the closing's.
    CHECK(panel->CheckText() == "Matches the daily closing (1 day)");
    CHECK_FALSE(panel->Differences()->IsShown());
    REQUIRE(panel->Check());
    CHECK(panel->Check()->differences == 0);
    // Totals: cash 81 € (two receipts), card 12 €, then the VAT booked at 10 % (2.82 + 1.09 + 4.55).
    REQUIRE(panel->Totals()->GetItemCount() >= 3);
    CHECK(panel->Totals()->GetItemText(0, 0) == "Cash");
    CHECK(panel->Totals()->GetItemText(0, 1) == "2");
    CHECK(panel->Totals()->GetItemText(0, 2) == ui::FormatMoney(Euros(8100)));
    CHECK(panel->Totals()->GetItemText(1, 0) == "Card");
    CHECK(panel->Totals()->GetItemText(1, 2) == ui::FormatMoney(Euros(1200)));
    CHECK(panel->Totals()->GetItemText(2, 0) == "VAT 10 %");
    CHECK(panel->Totals()->GetItemText(2, 2) == ui::FormatMoney(Euros(846)));
    // Balances: 530 debit 81 €, and the total line balanced.
    const int balances = panel->Balances()->GetItemCount();
    REQUIRE(balances >= 2);
    bool cashFound = false;
    for (int row = 0; row < balances; ++row)
        if (panel->Balances()->GetItemText(row, 0) == "530") {
            cashFound = true;
            CHECK(panel->Balances()->GetItemText(row, 4) == ui::FormatMoney(Euros(8100)));
        }
    CHECK(cashFound);
    CHECK(panel->Balances()->GetItemText(balances - 1, 1) == "Total");
    CHECK(panel->Balances()->GetItemText(balances - 1, 4) == ui::FormatMoney(Euros(0)));
    test::SaveScreenshot(frame, "accounting");

    // Filters narrow the lines read, without another trip to the store.
    panel->SetAccountFilter("706");
    CHECK(journal->GetItemCount() == 2);
    CHECK(journal->Text(0, ui::JournalList::kAccount) == "706");
    panel->SetAccountFilter("");
    panel->SetMethodFilter(domain::PaymentMethod::Card);
    CHECK(journal->GetItemCount() == 3);
    CHECK(journal->Text(0, ui::JournalList::kAccount) == "511");
    panel->SetMethodFilter(std::nullopt);
    panel->SetJournalFilter(domain::Journal::Cash);
    CHECK(journal->GetItemCount() == 0);
    panel->SetJournalFilter(domain::Journal::Sales);
    CHECK(journal->GetItemCount() == 9);
    panel->SetJournalFilter(std::nullopt);

    // June: nothing recorded.
    panel->ApplyPreset(ui::AccountingPanel::Preset::LastMonth);
    REQUIRE(test::PumpUntil([panel] { return !panel->IsBusy(); }));
    CHECK(panel->From() == domain::LocalDate{date::year{2026}, date::June, date::day{1}});
    CHECK(journal->GetItemCount() == 0);
    frame->Destroy();
    test::Pump(50ms);
}

TEST_CASE("a season of 300,000 journal lines stays fluid in the virtual list", "[ui][accounting]")
{
    auto view = std::make_shared<app::JournalView>();
    const auto chart = domain::ChartOfAccounts::defaults();
    for (int i = 0; i < 100000; ++i) {
        domain::JournalEntry e;
        e.journal = domain::Journal::Sales;
        e.number = i + 1;
        e.date = domain::LocalDate{date::year{2026}, date::month{static_cast<unsigned>(4 + i / 15000)}, date::day{1 + static_cast<unsigned>(i % 28)}};
        e.pieceRef = "T" + std::to_string(100000 + i);
        e.label = "Vente T" + std::to_string(100000 + i);
        e.lines = {{"530", "Caisse", Euros(3100), {}, ""}, {"706", "Prestations de services", {}, Euros(2818), ""},
                   {"44571", "TVA collectée", {}, Euros(282), ""}};
        view->entries.push_back(std::move(e));
    }
    view->frozenMonths = {"2026-04"};
    auto* frame = new wxFrame(nullptr, wxID_ANY, "Journal", wxPoint(0, 0), wxSize(1100, 600));
    auto* list = new ui::JournalList(frame);
    frame->Show();
    test::Pump(50ms);

    const auto start = std::chrono::steady_clock::now();
    auto rows = app::filterJournal(*view, chart, {});
    REQUIRE(rows.size() == 300000);
    list->SetJournal(view, std::move(rows));
    list->EnsureVisible(299999);
    list->Update();
    app::JournalFilter cash;
    cash.account = "530";
    list->SetJournal(view, app::filterJournal(*view, chart, cash));
    list->Update();
    const auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK(elapsed < 2s);
    CHECK(list->GetItemCount() == 100000);
    CHECK(list->Text(0, ui::JournalList::kFrozen) == "frozen");            // April is frozen
    CHECK(list->Text(99999, ui::JournalList::kFrozen).empty());
    CHECK(list->Text(99999, ui::JournalList::kPiece) == "T199999");
    frame->Destroy();
    test::Pump(50ms);
}

TEST_CASE("the accounts screen refuses a broken number and saves a valid one", "[ui][accounting]")
{
    AccountingWorld world;
    auto* dialog = ui::ShowAccountsDialog(nullptr, world.session);
    dialog->Move(0, 0);
    REQUIRE(test::PumpUntil([dialog] { return dialog->IsLoaded() && !dialog->IsBusy(); }));
    auto* sales = dialog->NumberField(domain::AccountRole::Sales);
    REQUIRE(sales);
    CHECK(sales->GetValue() == "706");
    REQUIRE(dialog->VatNumberField(1000));   // the price list's rate has its row
    CHECK(dialog->ProblemsText().empty());
    CHECK(dialog->SaveButton()->IsEnabled());

    // "7O6" (a letter O): the FEC wants three digits. Shown in red naming the row; Save refused.
    Type(sales, "7O6");
    CHECK(dialog->ProblemsText() == "Ride sales: \"7O6\" must start with three digits (FEC)");
    CHECK_FALSE(dialog->SaveButton()->IsEnabled());
    Type(dialog->LabelField(domain::AccountRole::Cash), "");
    CHECK(dialog->ProblemsText().Contains("Cash drawer: the label is empty"));
    test::SaveScreenshot(dialog, "accounts");
    dialog->Save();
    test::Pump(50ms);
    CHECK_FALSE(dialog->IsSaved());
    CHECK(dialog->MessageText() == "Not saved: correct the accounts named in red first.");
    CHECK(app::chartOfAccounts(*world.open()).of(domain::AccountRole::Sales).number == "706");

    // Reset puts the defaults back; a valid change is saved and read back.
    dialog->ResetToDefaults();
    CHECK(dialog->ProblemsText().empty());
    CHECK(dialog->LabelField(domain::AccountRole::Cash)->GetValue() == "Caisse");
    Type(sales, "7061");
    Type(dialog->LabelField(domain::AccountRole::Sales), "Promenades en barque");
    Type(dialog->VatNumberField(1000), "445712");   // the 10 % rate on an account of its own
    CHECK(dialog->SaveButton()->IsEnabled());
    dialog->Save();
    REQUIRE(test::PumpUntil([dialog] { return !dialog->IsBusy(); }));
    INFO(dialog->MessageText().utf8_string());
    CHECK(dialog->IsSaved());
    const auto chart = app::chartOfAccounts(*world.open());
    CHECK(chart.of(domain::AccountRole::Sales) == domain::Account{"7061", "Promenades en barque"});
    CHECK(chart.of(domain::AccountRole::Cash) == domain::Account{"530", "Caisse"});
    CHECK(chart.vat(1000).number == "445712");
    CHECK(chart.vat(2000).number == "44571");   // a rate without a row follows VAT collected
    dialog->Destroy();
    test::Pump(50ms);
}

TEST_CASE("the export dialog writes a CSV and the FEC, and a cancelled export leaves no file", "[ui][accounting]")
{
    AccountingWorld world;
    test::TempDir dir;
    auto* dialog = ui::ShowExportDialog(nullptr, world.session, kJulyFirst, kJulyLast);
    dialog->Move(0, 0);

    // Journal lines as CSV: the file, its header first.
    dialog->SetKind(ui::ExportKind::JournalCsv);
    const auto csv = dir.path() / "journal.csv";
    dialog->SetDestination(csv);
    dialog->Run();
    CHECK(dialog->IsBusy());
    REQUIRE(test::PumpUntil([dialog] { return !dialog->IsBusy(); }));
    INFO(dialog->ResultText().utf8_string());
    REQUIRE(dialog->Written());
    CHECK(*dialog->Written() == csv);
    REQUIRE(std::filesystem::exists(csv));
    CHECK(FirstLine(csv) == "journal,number,date,piece,piece date,label,account,account label,debit,credit");
    CHECK(dialog->ResultText() == "Written: " + wxString::FromUTF8(csv.string()) + "\n9 lines");

    // The FEC: refused without a SIREN (no file), written once the setting is there.
    dialog->SetKind(ui::ExportKind::Fec);
    CHECK(dialog->ResultText().empty());   // the CSV's outcome went with its kind
    dialog->SetDestination(dir.path());
    test::SaveScreenshot(dialog, "export");
    dialog->Run();
    REQUIRE(test::PumpUntil([dialog] { return !dialog->IsBusy(); }));
    CHECK_FALSE(dialog->Written());
    test::SaveScreenshot(dialog, "export_refused");
    CHECK(dialog->ResultText().StartsWith("Not exported: "));
    CHECK(dialog->ResultText().Contains("SIREN"));
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()) == 1);
    world.open()->write([](domain::StoreWriter& w) { w.setSetting("business_siren", "123456789"); });
    dialog->Run();
    REQUIRE(test::PumpUntil([dialog] { return !dialog->IsBusy(); }));
    INFO(dialog->ResultText().utf8_string());
    REQUIRE(dialog->Written());
    CHECK(dialog->Written()->filename() == "123456789FEC20261231.txt");
    CHECK(std::filesystem::exists(*dialog->Written()));
    test::SaveScreenshot(dialog, "export_done");

    // Cancel while the worker is writing: the export's progress report waits for the click.
    auto reached = std::make_shared<std::atomic<bool>>(false);
    auto release = std::make_shared<std::promise<void>>();
    auto released = release->get_future().share();
    dialog->SetProgressObserver([reached, released](std::int64_t, std::int64_t) {
        reached->store(true);
        released.wait();
    });
    dialog->SetKind(ui::ExportKind::JournalCsv);
    const auto cancelled = dir.path() / "cancelled.csv";
    dialog->SetDestination(cancelled);
    dialog->Run();
    REQUIRE(test::PumpUntil([reached] { return reached->load(); }));
    CHECK(dialog->CancelButton()->IsEnabled());
    CHECK_FALSE(dialog->RunButton()->IsEnabled());
    dialog->Cancel();
    release->set_value();
    REQUIRE(test::PumpUntil([dialog] { return !dialog->IsBusy(); }));
    CHECK(dialog->WasCancelled());
    CHECK_FALSE(dialog->Written());
    CHECK(dialog->ResultText() == "Export cancelled: no file was written.");
    CHECK_FALSE(std::filesystem::exists(cancelled));
    dialog->Destroy();
    test::Pump(50ms);
}

TEST_CASE("the demo season's journal loads on the worker and scrolls", "[ui][accounting]")
{
    auto session = test::DemoSession();
    auto* frame = new wxFrame(nullptr, wxID_ANY, "Accounting", wxPoint(0, 0), wxSize(1200, 800));
    auto* panel = new ui::AccountingPanel(frame, session);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(panel, wxSizerFlags(1).Expand());
    frame->SetSizer(sizer);
    frame->Show();
    const auto start = std::chrono::steady_clock::now();
    panel->ApplyPreset(ui::AccountingPanel::Preset::ThisYear);
    CHECK(panel->IsBusy());   // read on the worker: the window answers meanwhile
    REQUIRE(test::PumpUntil([panel] { return panel->IsLoaded() && !panel->IsBusy(); }, 120s));
    const auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    WARN("season journal: " << panel->Journal()->GetItemCount() << " lines read in " << elapsed << " s");
    INFO(panel->StatusText().utf8_string());
    CHECK(panel->Journal()->GetItemCount() > 1000);
    panel->Journal()->EnsureVisible(panel->Journal()->GetItemCount() - 1);
    test::SaveScreenshot(frame, "accounting_season");
    frame->Destroy();
    test::Pump(50ms);
}
