// The first window, driven for real under Xvfb: sign in on a demo database, show the planning of
// a summer day, check what a desk manager would see, and keep screenshots of it.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "ui_support.h"

#include "support/engines.h"

#include "ui/main_frame.h"
#include "ui/today_panel.h"
#include "ui/week_view.h"
#include "ui/nav_bar.h"
#include "ui/format.h"
#include "ui/launcher.h"
#include "ui/planning_grid.h"
#include "ui/planning_panel.h"
#include "ui/sign_in_dialog.h"

#include <wx/app.h>
#include <wx/button.h>
#include <wx/dcmemory.h>
#include <wx/filename.h>
#include <wx/graphics.h>
#include <wx/image.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

using namespace narcisse;
using namespace std::chrono_literals;

namespace {

constexpr domain::LocalDate kBastilleDay{date::year{2026}, date::July, date::day{14}};

void Click(wxButton* button)
{
    wxCommandEvent click(wxEVT_BUTTON, button->GetId());
    click.SetEventObject(button);
    button->GetEventHandler()->ProcessEvent(click);
}

void PressEnter(wxTextCtrl* field)
{
    wxCommandEvent enter(wxEVT_TEXT_ENTER, field->GetId());
    enter.SetEventObject(field);
    field->GetEventHandler()->ProcessEvent(enter);
}

// The dialog signs claire in with the demo password; the session then holds her.
std::shared_ptr<ui::Session> SignedInSession()
{
    auto session = test::DemoSession();
    auto* dialog = new ui::SignInDialog(nullptr, session);
    dialog->Show();
    REQUIRE(test::PumpUntil([dialog] { return !dialog->IsBusy(); }));
    INFO("sign-in dialog: " << dialog->ErrorText().utf8_string());
    if (!dialog->IsReady()) std::cerr << dialog->ErrorText().utf8_string() << "\n";
    REQUIRE(dialog->IsReady());
    dialog->LoginField()->SetValue("claire");
    dialog->PasswordField()->SetValue("narcisse");
    PressEnter(dialog->PasswordField());
    REQUIRE(test::PumpUntil([&session] { return session->employee.has_value(); }));
    dialog->Destroy();
    return session;
}

}  // namespace

TEST_CASE("the sign-in dialog shows the demo credentials and names a wrong password", "[ui]")
{
    auto session = test::DemoSession();
    auto* dialog = new ui::SignInDialog(nullptr, session);
    dialog->Show();
    REQUIRE(test::PumpUntil([dialog] { return !dialog->IsBusy(); }));
    INFO("sign-in dialog: " << dialog->ErrorText().utf8_string());
    if (!dialog->IsReady()) std::cerr << dialog->ErrorText().utf8_string() << "\n";
    REQUIRE(dialog->IsReady());
    CHECK(dialog->HintText() == "Demo: claire / narcisse");
    CHECK(dialog->NoticeText().empty());   // the database was not created by this start

    dialog->LoginField()->SetValue("claire");
    test::SaveScreenshot(dialog, "sign_in");

    dialog->PasswordField()->SetValue("not-the-password");
    Click(dialog->SignInButton());
    CHECK(dialog->IsBusy());
    REQUIRE(test::PumpUntil([dialog] { return !dialog->IsBusy(); }));
    CHECK_FALSE(session->employee.has_value());
    const wxString error = dialog->ErrorText();
    INFO(error.ToStdString());
    CHECK(error.Lower().Contains("password"));
    CHECK(dialog->IsReady());
    test::SaveScreenshot(dialog, "sign_in_error");

    dialog->PasswordField()->SetValue("narcisse");
    PressEnter(dialog->PasswordField());
    REQUIRE(test::PumpUntil([&session] { return session->employee.has_value(); }));
    CHECK(session->employee->login == "claire");
    CHECK(dialog->ErrorText().empty());
    dialog->Destroy();
    test::Pump(50ms);
}

TEST_CASE("the first launch on an empty database creates the demo season and says so", "[ui]")
{
    test::TempDir dir;
    auto session = ui::MakeSession(dir.file("first-launch.db"), std::make_shared<domain::FixedClock>(test::TestNow()));
    auto* dialog = new ui::SignInDialog(nullptr, session);
    dialog->Show();
    CHECK(dialog->IsBusy());
    REQUIRE(test::PumpUntil([dialog] { return !dialog->IsBusy(); }, 120s));
    INFO("sign-in dialog: " << dialog->ErrorText().utf8_string());
    REQUIRE(dialog->IsReady());
    REQUIRE(session->store.has_value());
    REQUIRE(session->store->createdDemo.has_value());
    const app::DemoSummary& demo = *session->store->createdDemo;
    CHECK(demo.boats == 8);
    CHECK(dialog->NoticeText().Contains("a demo season was created"));
    CHECK(dialog->NoticeText().Contains(ui::FormatCount(demo.bookings)));
    CHECK(dialog->HintText() == "Demo: claire / narcisse");
    test::SaveScreenshot(dialog, "sign_in_first_launch");
    dialog->Destroy();
    test::Pump(50ms);
}

TEST_CASE("the main window shows the planning of 14 July 2026", "[ui]")
{
    auto session = SignedInSession();
    auto* frame = new ui::MainFrame(session);
    frame->ShowView(ui::MainFrame::View::Planning);   // Today opens first
    frame->SetSize(frame->FromDIP(wxSize(1280, 800)));
    frame->Move(0, 0);
    frame->Show();
    ui::PlanningPanel* planning = frame->Planning();

    SECTION("only the views that exist are offered")
    {
        // Only the views that exist: no empty placeholders.
        CHECK(frame->Navigation()->Labels() ==
              std::vector<wxString>{"Today", "Desk", "Planning", "Week", "Fleet", "Staff", "Accounting", "Stats"});
    }

    SECTION("the status bar names the store file and the employee")
    {
        const wxString store = frame->GetStatusBar()->GetStatusText(0);
        const wxString employee = frame->GetStatusBar()->GetStatusText(1);
        INFO(store.ToStdString() << " | " << employee.ToStdString());
        CHECK(store.Contains("narcisse-ui.db"));
        CHECK(store.Contains(wxString::FromUTF8(session->store->description)));
        CHECK(employee.Contains(wxString::FromUTF8(session->employee->name)));
        CHECK(employee.Contains("claire") == false);   // the name, not the login
    }

    SECTION("Today lists the day; a departure clicked there opens the day view on that day")
    {
        frame->ShowView(ui::MainFrame::View::Today);
        ui::TodayPanel* today = frame->Today();
        REQUIRE(test::PumpUntil([today] { return today->IsLoaded(); }, 30s));
        CHECK(today->IsShownOnScreen());
        test::SaveScreenshot(frame, "main_today");
        ui::TodayList* departures = today->Departures();
        std::optional<int> row;
        for (int r = 0; r < 200 && !row; ++r)
            if (const app::TodayLine* line = departures->LineAt(r); line && line->kind == app::TodayKind::Departure)
                row = r;
        REQUIRE(row);
        const wxRect rect = departures->RowRect(*row);
        wxMouseEvent click(wxEVT_LEFT_DOWN);
        click.SetPosition(wxPoint(rect.x + rect.width / 2, rect.y + rect.height / 2));
        click.SetEventObject(departures);
        departures->GetEventHandler()->ProcessEvent(click);
        REQUIRE(test::PumpUntil([planning] { return planning->IsLoaded(); }));
        CHECK(frame->CurrentView() == ui::MainFrame::View::Planning);
        CHECK(planning->Date() == kBastilleDay);
    }

    SECTION("the week view opens on the planned day's week; a day clicked there opens in the day view")
    {
        planning->ShowDate(kBastilleDay);
        REQUIRE(test::PumpUntil([planning] { return planning->IsLoaded(); }));
        frame->ShowView(ui::MainFrame::View::Week);
        ui::WeekView* week = frame->Week();
        REQUIRE(test::PumpUntil([week] { return week->IsLoaded(); }, 30s));
        CHECK(week->IsShownOnScreen());
        CHECK(week->Monday() == domain::LocalDate{date::year{2026}, date::month{7}, date::day{13}});
        test::SaveScreenshot(frame, "main_week");

        const wxRect thursday = week->Grid()->DayHeaderRect(3);
        wxMouseEvent click(wxEVT_LEFT_DOWN);
        click.SetPosition(wxPoint(thursday.x + thursday.width / 2, thursday.y + thursday.height / 2));
        click.SetEventObject(week->Grid());
        week->Grid()->GetEventHandler()->ProcessEvent(click);
        REQUIRE(test::PumpUntil([planning] { return planning->IsLoaded(); }));
        CHECK(frame->CurrentView() == ui::MainFrame::View::Planning);
        CHECK(planning->IsShownOnScreen());
        CHECK(planning->Date() == domain::LocalDate{date::year{2026}, date::month{7}, date::day{16}});
    }

    SECTION("the departures of a July day, 10:00 to 20:00 every 20 minutes")
    {
        planning->ShowDate(kBastilleDay);
        REQUIRE(test::PumpUntil([planning] { return planning->IsLoaded(); }));
        const std::vector<wxString> labels = planning->ShownDepartureLabels();
        REQUIRE(labels.size() == 31);
        CHECK(labels.front() == "10:00");
        CHECK(labels[1] == "10:20");
        CHECK(labels[2] == "10:40");
        CHECK(labels.back() == "20:00");
        CHECK(planning->SummaryText().StartsWith("31 departures"));
        CHECK(planning->DateText().Contains("2026"));

        const wxString path = test::SaveScreenshot(frame, "planning_day");
        CHECK(wxFileName::FileExists(path));

        planning->Grid()->Refresh();
        planning->Grid()->Update();
        test::Pump(50ms);
        std::cout << "planning repaint on screen: " << planning->Grid()->LastPaintMilliseconds() << " ms\n";
    }

    SECTION("arrow keys move between cells")
    {
        planning->ShowDate(kBastilleDay);
        REQUIRE(test::PumpUntil([planning] { return planning->IsLoaded(); }));
        ui::PlanningGrid* grid = planning->Grid();
        grid->SelectCell(0, 0);
        auto press = [grid](int key) {
            wxKeyEvent event(wxEVT_KEY_DOWN);
            event.m_keyCode = key;
            grid->GetEventHandler()->ProcessEvent(event);
        };
        press(WXK_RIGHT);
        press(WXK_RIGHT);
        press(WXK_DOWN);
        CHECK(grid->SelectedCell() == wxPoint(2, 1));
        press(WXK_END);
        CHECK(grid->SelectedCell() == wxPoint(30, 1));
        press(WXK_RIGHT);   // stays on the last departure
        CHECK(grid->SelectedCell() == wxPoint(30, 1));
        press(WXK_UP);
        press(WXK_UP);
        CHECK(grid->SelectedCell() == wxPoint(30, 0));
    }

    SECTION("a booking's tooltip tells who, how many, how and how much")
    {
        planning->ShowDate(kBastilleDay);
        REQUIRE(test::PumpUntil([planning] { return planning->IsLoaded(); }));
        ui::PlanningGrid* grid = planning->Grid();
        const app::DayPlanning& day = *grid->Planning();
        // The first cell with a booking of 14:40 (the first departure after now: confirmed ones).
        const std::size_t column = 14;
        REQUIRE(planning->ShownDepartureLabels()[column] == "14:40");
        std::size_t row = 0;
        while (row < day.boats.size() && day.cells[column][row].empty()) ++row;
        REQUIRE(row < day.boats.size());
        const domain::Booking& booking = day.bookings[day.cells[column][row].front()];
        grid->SelectCell(static_cast<int>(column), static_cast<int>(row));
        const wxRect cell = grid->CellRect(static_cast<int>(column), static_cast<int>(row));
        wxString tip;
        for (int y = cell.y; y < cell.GetBottom() && !tip.StartsWith("SN-"); ++y)
            tip = grid->TooltipAt(wxPoint(cell.x + cell.width / 2, y));
        INFO(tip.utf8_string());
        CHECK(tip.StartsWith(wxString::FromUTF8(booking.ref.str())));
        CHECK(tip.Contains(ui::StateName(booking.state)));
        CHECK(tip.Contains(wxString::FromUTF8(booking.customerName)));
        CHECK(tip.Contains(ui::PartyLong(booking.party)));
        CHECK(tip.Contains("Booked via: " + ui::ChannelName(booking.channel)));
        CHECK(tip.Contains("Language: " + ui::LanguageName(booking.language)));
        CHECK(tip.Contains("Total: " + ui::FormatMoney(booking.total)));
    }

    SECTION("a late answer for a day already left is dropped")
    {
        planning->ShowDate(ui::AddDays(kBastilleDay, 1));
        planning->ShowDate(kBastilleDay);   // before the first answer is in
        REQUIRE(test::PumpUntil([planning] { return planning->IsLoaded(); }));
        test::Pump(200ms);
        CHECK(planning->Date() == kBastilleDay);
        REQUIRE(planning->Grid()->Planning() != nullptr);
        CHECK(planning->Grid()->Planning()->date == kBastilleDay);
    }

    SECTION("previous and next day move by calendar days")
    {
        planning->ShowDate(kBastilleDay);
        planning->ShowNextDay();
        REQUIRE(test::PumpUntil([planning] { return planning->IsLoaded(); }));
        CHECK(planning->Date() == domain::LocalDate{date::year{2026}, date::July, date::day{15}});
        planning->ShowPreviousDay();
        planning->ShowPreviousDay();
        REQUIRE(test::PumpUntil([planning] { return planning->IsLoaded(); }));
        CHECK(planning->Date() == domain::LocalDate{date::year{2026}, date::July, date::day{13}});
    }

    frame->Destroy();
    test::Pump(50ms);
}

TEST_CASE("off season, the planning opens on the nearest day with departures and says why", "[ui]")
{
    auto session = SignedInSession();
    // 21 November 2026: the 2026 season ended on 31 October.
    session->clock = std::make_shared<domain::FixedClock>(
        domain::Instant{date::sys_days{date::year{2026} / 11 / 21} + std::chrono::hours{9}});
    auto* frame = new ui::MainFrame(session);
    frame->ShowView(ui::MainFrame::View::Planning);   // Today opens first
    frame->Show();
    ui::PlanningPanel* planning = frame->Planning();
    planning->ShowTodayOrNearest();
    REQUIRE(test::PumpUntil([planning] { return planning->IsLoaded(); }));
    CHECK(planning->Date() == domain::LocalDate{date::year{2026}, date::October, date::day{31}});
    CHECK_FALSE(planning->ShownDepartureLabels().empty());
    CHECK(planning->NoticeText().StartsWith("No departures on"));

    planning->ShowNextDay();   // asked for explicitly: an empty day stays empty
    REQUIRE(test::PumpUntil([planning] { return planning->IsLoaded(); }));
    CHECK(planning->Date() == domain::LocalDate{date::year{2026}, date::November, date::day{1}});
    CHECK(planning->ShownDepartureLabels().empty());
    CHECK(planning->SummaryText() == "0 departures");
    CHECK(planning->NoticeText().empty());
    frame->Destroy();
    test::Pump(50ms);
}

TEST_CASE("the program starts like scripts/run: first launch, sign-in, then a day with departures", "[ui]")
{
    test::TempDir dir;
    ui::Launcher launcher;   // the real clock: whatever today is, the demo season shows departures
    launcher.SetLocation(dir.file("narcisse.db"));
    REQUIRE(launcher.Start());
    auto topLevel = [](auto* type) {
        for (wxWindow* window : wxTopLevelWindows)
            if (auto* found = dynamic_cast<decltype(type)>(window); found && !found->IsBeingDeleted()) return found;
        return decltype(type){};
    };
    ui::SignInDialog* dialog = topLevel(static_cast<ui::SignInDialog*>(nullptr));
    REQUIRE(dialog != nullptr);
    REQUIRE(test::PumpUntil([dialog] { return !dialog->IsBusy(); }, 120s));
    REQUIRE(dialog->IsReady());
    CHECK_FALSE(dialog->NoticeText().empty());
    dialog->LoginField()->SetValue("claire");
    dialog->PasswordField()->SetValue("narcisse");
    PressEnter(dialog->PasswordField());
    ui::MainFrame* frame = nullptr;
    REQUIRE(test::PumpUntil([&] { return (frame = topLevel(static_cast<ui::MainFrame*>(nullptr))) != nullptr; }));
    REQUIRE(test::PumpUntil([frame] { return frame->Planning()->IsLoaded(); }, 60s));
    CHECK_FALSE(frame->Planning()->ShownDepartureLabels().empty());
    frame->Move(0, 0);
    test::SaveScreenshot(frame, "first_start");
    frame->Destroy();
    test::Pump(50ms);
    launcher.Stop();
}

int main(int argc, char** argv)
{
    wxApp::SetInstance(new wxApp);   // wx owns and deletes it
    int wxArgc = 1;
    char* wxArgv[] = {argv[0], nullptr};
    if (!wxEntryStart(wxArgc, wxArgv)) {
        std::fprintf(stderr, "narcisse-tests-ui: cannot start wxWidgets (no display?); run it under xvfb-run -a\n");
        return 2;
    }
    ui::EnsureUtf8Strings();   // the C locale otherwise, so times and counts read the same everywhere
    wxInitAllImageHandlers();
    const int result = Catch::Session().run(argc, argv);
    wxEntryCleanup();
    return result;
}
