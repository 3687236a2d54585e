// The Week view on the demo season under Xvfb: the week of 2026-07-13, one day's totals checked
// against the store, a click that opens a day, the repaint time (measured and printed, not asserted)
// and a screenshot.
#include <catch2/catch.hpp>

#include "ui_support.h"

#include "app/store_factory.h"
#include "ui/format.h"
#include "ui/week_view.h"

#include <wx/dcmemory.h>
#include <wx/frame.h>
#include <wx/graphics.h>

#include <algorithm>
#include <iostream>

using namespace narcisse;
using namespace std::chrono_literals;

namespace {

constexpr domain::LocalDate kMonday{date::year{2026}, date::July, date::day{13}};
constexpr domain::LocalDate kWednesday{date::year{2026}, date::July, date::day{15}};

double Median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}

struct DayTotals {
    int passengers = 0;
    int bookings = 0;
    domain::Money revenue = domain::Money::zero();
};

// Straight from the store: the seat-holding bookings of the day at the test's clock.
DayTotals TotalsFromStore(domain::LocalDate day)
{
    DayTotals t;
    app::openStore(test::DemoDatabasePath())->read([&](domain::StoreReader& r) {
        const domain::BusinessZone zone;
        for (const auto& b : r.bookingsDeparting(zone.startOfDay(day), zone.startOfDay(domain::nextDay(day))))
            if (b.holdsSeats(test::TestNow())) {
                t.passengers += b.party.people();
                t.bookings += 1;
                t.revenue += b.total;
            }
    });
    return t;
}

}  // namespace

TEST_CASE("the week view shows the demo week, its day totals, opens a day on click, within budget", "[ui][week]")
{
    auto session = test::DemoSession();
    auto* frame = new wxFrame(nullptr, wxID_ANY, "week");
    frame->SetClientSize(frame->FromDIP(wxSize(1280, 860)));
    auto* view = new ui::WeekView(frame, session);
    std::vector<domain::LocalDate> opened;
    view->SetOnOpenDay([&opened](domain::LocalDate d) { opened.push_back(d); });
    frame->Show();

    const auto started = std::chrono::steady_clock::now();
    view->ShowWeekOf(kWednesday);   // any day shows its whole week
    REQUIRE(test::PumpUntil([view] { return view->IsLoaded(); }, 60s));
    const double loadMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    CHECK(view->Monday() == kMonday);

    ui::WeekGrid* grid = view->Grid();
    REQUIRE(grid->ColumnCount() == 7);
    const app::WeekPlanning* week = view->Planning();
    REQUIRE(week != nullptr);
    for (int d = 0; d < 7; ++d)
        CHECK(week->days[static_cast<std::size_t>(d)].date == ui::AddDays(kMonday, d));
    // July: departures every 20 minutes from 10:00 to 20:00 (src/app/demo_data.cpp).
    REQUIRE(week->times.size() == 31);
    CHECK(domain::hhmm(week->times.front()) == "10:00");
    CHECK(domain::hhmm(week->times.back()) == "20:00");

    // Tuesday 14 July: the totals the header shows are the store's.
    const DayTotals expected = TotalsFromStore(ui::AddDays(kMonday, 1));
    REQUIRE(expected.bookings > 0);
    const auto& tuesday = week->days[1];
    CHECK(tuesday.passengers == expected.passengers);
    CHECK(tuesday.bookings == expected.bookings);
    CHECK(tuesday.revenue == expected.revenue);
    const std::vector<wxString> header = grid->DayHeaderLines(1);
    REQUIRE(header.size() == 4);
    CHECK(header[0] == ui::ToWxDate(ui::AddDays(kMonday, 1)).Format("%a %d %b"));
    CHECK(header[1] == wxString::Format("%s passengers", ui::FormatCount(expected.passengers)));
    CHECK(header[2] == wxString::Format("%s bookings", ui::FormatCount(expected.bookings)));
    CHECK(header[3] == ui::FormatMoney(expected.revenue));
    // A cell reads "held/offered" of that departure.
    const auto& cell = tuesday.cells[0];
    CHECK(grid->CellText(1, 0) == wxString::Format("%d/%d", cell.held, cell.offered));

    // A click on Wednesday's column header opens Wednesday.
    const wxRect wednesday = grid->DayHeaderRect(2);
    wxMouseEvent click(wxEVT_LEFT_DOWN);
    click.SetPosition(wxPoint(wednesday.x + wednesday.width / 2, wednesday.y + wednesday.height / 2));
    click.SetEventObject(grid);
    grid->GetEventHandler()->ProcessEvent(click);
    REQUIRE(opened.size() == 1);
    CHECK(opened[0] == kWednesday);

    // Next and previous week.
    view->ShowNextWeek();
    REQUIRE(test::PumpUntil([view] { return view->IsLoaded(); }, 30s));
    CHECK(view->Monday() == ui::AddDays(kMonday, 7));
    const auto reloaded = std::chrono::steady_clock::now();   // the store is open by now
    view->ShowPreviousWeek();
    REQUIRE(test::PumpUntil([view] { return view->IsLoaded(); }, 30s));
    const double reloadMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - reloaded).count();
    CHECK(view->TitleText() == "13 July " + wxString::FromUTF8("–") + " 19 July 2026");
    CHECK(view->Monday() == kMonday);
    week = view->Planning();   // the week loaded again

    // Repaint: on screen (blit included), and the drawing alone into a bitmap.
    std::vector<double> onScreen, drawing;
    for (int i = 0; i < 30; ++i) {
        grid->Refresh(false);
        grid->Update();
        test::Pump(5ms);
        if (grid->LastPaintMilliseconds() > 0) onScreen.push_back(grid->LastPaintMilliseconds());
    }
    const wxSize size = grid->GetClientSize();
    wxBitmap bitmap(size, 32);
    for (int i = 0; i < 30; ++i) {
        wxMemoryDC dc(bitmap);
        const auto t0 = std::chrono::steady_clock::now();
        {
            std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
            grid->Draw(*gc, size);
        }
        drawing.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::cout << "week view, 7 days x " << week->times.size() << " departures, demo season, " << size.x << "x"
              << size.y << " px: first load " << loadMs << " ms (store opening included), week load " << reloadMs << " ms, repaint median " << Median(onScreen) << " ms on screen ("
              << onScreen.size() << " paints), " << Median(drawing) << " ms drawing alone (budget 8 ms)\n";
    CHECK_FALSE(drawing.empty());

    test::SaveScreenshot(frame, "planning_week");
    frame->Destroy();
    test::Pump(50ms);
}
