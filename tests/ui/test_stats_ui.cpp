// The Stats view driven for real under Xvfb on a small store with a week of sales: the figures load
// on the worker, the five charts are drawn, a chart exported as PNG has the chart's size and its
// data as CSV the expected header. Screenshot: stats.png.
#include <catch2/catch.hpp>

#include "ui_support.h"

#include "app/sales.h"
#include "app/store_factory.h"
#include "support/engines.h"
#include "support/world.h"
#include "domain/errors.h"
#include "ui/chart_widgets.h"
#include "ui/format.h"
#include "ui/icons.h"
#include "ui/stats_panel.h"

#include <wx/frame.h>
#include <wx/image.h>
#include <wx/sizer.h>

#include <fstream>
#include <string>

using namespace narcisse;
using namespace std::chrono_literals;

namespace {

constexpr domain::LocalDate kFirst{date::year{2026}, date::July, date::day{8}};
constexpr domain::LocalDate kLast{date::year{2026}, date::July, date::day{14}};

// A week of sales on the test world (2 boats, 22 seats, 10:00–12:00 every 30 minutes): busier at
// 10:00 and at the weekend, every channel and language, booked from the same day to six weeks ahead.
void SellAWeek(domain::Store& store)
{
    const char* languages[] = {"fr", "fr", "de", "en", "fr", "it", "de", "es"};
    const domain::Channel channels[] = {domain::Channel::Desk, domain::Channel::Web, domain::Channel::Web,
                                        domain::Channel::Phone};
    const int leadDays[] = {0, 0, 1, 3, 6, 12, 25, 40};
    int n = 0;
    for (auto day = kFirst; day <= kLast; day = domain::nextDay(day)) {
        const int weekday = domain::isoWeekday(day);
        for (int slot = 0; slot < 5; ++slot) {
            const int parties = (slot == 0 ? 4 : 2) + (weekday >= 6 ? 2 : 0) - (slot == 4 ? 1 : 0);
            for (int p = 0; p < parties; ++p, ++n) {
                app::SaleRequest r;
                r.date = day;
                r.time = domain::Minutes{10 * 60 + 30 * slot};
                r.party = {1 + n % 3, n % 4 == 0 ? 2 : 0, n % 7 == 0 ? 1 : 0};
                r.channel = channels[n % 4];
                r.language = languages[n % 8];
                r.payment = domain::PaymentMethod::Card;
                const domain::Instant sold = domain::BusinessZone().startOfDay(ui::AddDays(day, -leadDays[n % 8])) +
                                             std::chrono::hours{8};
                try {
                    app::sellRide(store, domain::FixedClock(sold), r);
                } catch (const domain::CapacityError&) {
                    // a full departure: the week is busy enough
                }
            }
        }
    }
}

std::string FirstLine(const wxString& path)
{
    std::ifstream in(path.utf8_string(), std::ios::binary);
    std::string line;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

}  // namespace

TEST_CASE("the stats view draws a week of sales and exports a chart as PNG and CSV", "[ui][stats]")
{
    test::TempDir dir;
    const std::string db = dir.file("stats.db");
    {
        auto store = app::openStore(db);
        test::seedWorld(*store);
        SellAWeek(*store);
    }
    auto session = ui::MakeSession(db, std::make_shared<domain::FixedClock>(test::at("2026-07-14T16:00:00Z")));
    auto* frame = new wxFrame(nullptr, wxID_ANY, "Stats", wxPoint(0, 0), wxSize(1280, 980));
    auto* panel = new ui::StatsPanel(frame, session);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(panel, wxSizerFlags(1).Expand());
    frame->SetSizer(sizer);
    frame->Show();
    auto settle = [panel] { REQUIRE(test::PumpUntil([panel] { return !panel->IsBusy(); })); };

    // A period back to front: refused, in the status line, with the rule's sentence.
    panel->SetPeriod(kLast, kFirst);
    settle();
    CHECK_FALSE(panel->IsLoaded());
    CHECK(panel->StatusText() == "to: must not be before the first day (2026-07-14)");

    panel->SetPeriod(kFirst, kLast);
    settle();
    REQUIRE(panel->IsLoaded());
    const app::StatsReport report = *panel->Report();   // a copy: the season replaces it
    REQUIRE(report.days.size() == 7);
    CHECK(report.bookings > 80);
    CHECK(panel->StatusText().empty());
    CHECK(panel->SummaryText().StartsWith(wxString::Format("%d passengers · %d bookings · ", report.passengers,
                                                           report.bookings)));
    CHECK(panel->Chart(app::StatsChart::Occupancy)->Chart().labels.front() == "10:00");
    CHECK(panel->Chart(app::StatsChart::Channels)->Chart().bars.size() == 3);
    test::SaveScreenshot(frame, "stats");

    // The chart as PNG: the size it has on screen.
    auto* chart = panel->Chart(app::StatsChart::PassengersRevenue);
    const wxString png = dir.file("passengers.png");
    REQUIRE(panel->ExportPng(app::StatsChart::PassengersRevenue, png));
    wxImage image;
    REQUIRE(image.LoadFile(png, wxBITMAP_TYPE_PNG));
    CHECK(image.GetSize() == chart->GetClientSize());
    CHECK(image.GetWidth() > 600);
    CHECK_FALSE(wxFileExists(png + ".part"));
    // Not all white: the bars are there.
    long coloured = 0;
    for (int i = 0; i < image.GetWidth(); ++i)
        for (int j = 0; j < image.GetHeight(); ++j)
            if (image.GetRed(i, j) == 0x2B && image.GetGreen(i, j) == 0x6C && image.GetBlue(i, j) == 0xB0) ++coloured;
    CHECK(coloured > 1000);

    // The data as CSV, in both dialects.
    const wxString csv = dir.file("passengers.csv");
    REQUIRE(panel->ExportCsv(app::StatsChart::PassengersRevenue, app::CsvFormat::Rfc4180, csv));
    CHECK(FirstLine(csv) == "date,bookings,passengers,revenue");
    REQUIRE(panel->ExportCsv(app::StatsChart::Occupancy, app::CsvFormat::ExcelFr, csv));
    CHECK(FirstLine(csv) == "\xEF\xBB\xBFhour;departures;seats_held;seats_offered;occupancy_percent");
    CHECK(panel->StatusText() == "Saved " + csv);

    // The season: read from the timetable on the worker.
    panel->ApplyPreset(ui::StatsPanel::Preset::Season);
    settle();
    CHECK(panel->From() == domain::LocalDate{date::year{2026}, date::April, date::day{1}});
    CHECK(panel->To() == domain::LocalDate{date::year{2026}, date::October, date::day{31}});
    CHECK(panel->Report()->bookings == report.bookings);
    test::SaveScreenshot(frame, "stats_season");

    frame->Destroy();
    test::Pump(50ms);
}

TEST_CASE("the stats view has its icon for the navigation", "[ui][stats]")
{
    const wxBitmapBundle icon = ui::GetIcon("stats", 28);
    REQUIRE(icon.IsOk());
    const wxBitmap large = icon.GetBitmap(wxSize(96, 96));
    CHECK(large.GetSize() == wxSize(96, 96));
    large.SaveFile(wxString(NARCISSE_SCREENSHOT_DIR) + "/stats_icon.png", wxBITMAP_TYPE_PNG);
}
