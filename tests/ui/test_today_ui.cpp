// The Today view on the demo season under Xvfb at 14:30 on 14 July 2026: the sections and their
// counts are the use case's, a click (and Enter) on a departure hands its target over, a closure
// written by another connection shows within two seconds, and a screenshot.
#include <catch2/catch.hpp>

#include "ui_support.h"

#include "app/store_factory.h"
#include "app/today.h"
#include "ui/format.h"
#include "ui/today_panel.h"

#include <wx/frame.h>

using namespace narcisse;
using namespace std::chrono_literals;

namespace {

constexpr domain::LocalDate kDay{date::year{2026}, date::July, date::day{14}};

std::optional<int> FindRow(ui::TodayList* list, const std::function<bool(const app::TodayLine&)>& match)
{
    for (int i = 0; i < list->RowCount(); ++i)
        if (const auto* line = list->LineAt(i); line && match(*line)) return i;
    return std::nullopt;
}

void ClickRow(ui::TodayList* list, int row)
{
    const wxRect r = list->RowRect(row);
    wxMouseEvent click(wxEVT_LEFT_DOWN);
    click.SetPosition(wxPoint(r.x + r.width / 3, r.y + r.height / 2));
    click.SetEventObject(list);
    list->GetEventHandler()->ProcessEvent(click);
}

}  // namespace

TEST_CASE("the Today view shows the day's sections, opens a departure, follows another desk's change", "[ui][today]")
{
    auto session = test::DemoSession();
    auto* frame = new wxFrame(nullptr, wxID_ANY, "today");
    frame->SetClientSize(frame->FromDIP(wxSize(1280, 860)));
    auto* panel = new ui::TodayPanel(frame, session);
    std::vector<app::TodayTarget> opened;
    panel->SetOnOpen([&opened](const app::TodayTarget& t) { opened.push_back(t); });
    frame->Show();

    panel->ShowDate(kDay);
    REQUIRE(test::PumpUntil([panel] { return panel->IsLoaded(); }, 60s));
    CHECK(panel->TitleText().StartsWith(ui::FormatLongDate(kDay)));
    CHECK(panel->TitleText().EndsWith("today"));

    // What the view shows is what the use case says, read independently on another connection.
    const app::TodaySummary expected = app::loadToday(*app::openStore(test::DemoDatabasePath()), kDay, test::TestNow());
    const auto summary = panel->Summary();
    REQUIRE(summary);
    REQUIRE(summary->lines.size() == expected.lines.size());
    for (std::size_t i = 0; i < expected.lines.size(); ++i) CHECK(summary->lines[i].text == expected.lines[i].text);

    // July: 31 departures (10:00 … 20:00 every 20 minutes); the other sections with their counts.
    CHECK(panel->Departures()->Headings() == std::vector<wxString>{"Departures (31)"});
    std::vector<wxString> headings;
    for (const auto* title : {"Crew", "Closures", "Phone bookings about to expire", "To collect", "Maintenance",
                              "Skipper licences", "Customer messages"})
        headings.push_back(title);
    const auto& sections = app::allTodaySections();
    for (std::size_t i = 1; i < sections.size(); ++i)
        headings[i - 1] += wxString::Format(" (%d)", static_cast<int>(expected.linesOf(sections[i]).size()));
    CHECK(panel->Attention()->Headings() == headings);
    CHECK(panel->StatusText() != "Loading…");

    // At 14:30 the next departure is 14:40: it comes first, under the day's total.
    ui::TodayList* departures = panel->Departures();
    const auto first = FindRow(departures, [](const app::TodayLine& l) { return l.kind == app::TodayKind::Departure; });
    REQUIRE(first);
    CHECK(departures->RowText(*first).StartsWith("14:40: "));
    const domain::BusinessZone zone;
    ClickRow(departures, *first);
    REQUIRE(opened.size() == 1);
    CHECK(opened[0].place == app::TodayTarget::Place::Planning);
    CHECK(opened[0].date == kDay);
    CHECK(opened[0].departure == zone.at(kDay, std::chrono::minutes{14 * 60 + 40}));
    CHECK(departures->Selected() == first);

    // The keyboard: Down to the next departure, Enter opens it.
    wxKeyEvent down(wxEVT_KEY_DOWN);
    down.m_keyCode = WXK_DOWN;
    departures->GetEventHandler()->ProcessEvent(down);
    wxKeyEvent enter(wxEVT_KEY_DOWN);
    enter.m_keyCode = WXK_RETURN;
    departures->GetEventHandler()->ProcessEvent(enter);
    REQUIRE(opened.size() == 2);
    CHECK(opened[1].departure == zone.at(kDay, std::chrono::minutes{15 * 60}));

    // Another desk closes the 19:40 departure: the closure shows within two seconds, the selection stays.
    const auto block = domain::Block::departure(kDay, std::chrono::minutes{19 * 60 + 40}, zone, "lock gate jammed");
    auto other = app::openStore(test::DemoDatabasePath());
    other->write([&](domain::StoreWriter& w) { w.insertBlock(block); });
    const auto written = std::chrono::steady_clock::now();
    const wxString closure = "Every boat closed for the 19:40 departure: lock gate jammed";
    const bool shown = test::PumpUntil(
        [panel, &closure] {
            return FindRow(panel->Attention(), [&](const app::TodayLine& l) { return l.text == closure.ToStdString(); })
                .has_value();
        },
        2s);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - written).count();
    INFO("the closure showed after " << ms << " ms");
    CHECK(shown);
    CHECK(panel->LiveReloads() >= 1);
    const auto still = departures->Selected();
    REQUIRE(still);
    CHECK(departures->LineAt(*still)->target.departure == zone.at(kDay, std::chrono::minutes{15 * 60}));
    const auto closedRow = FindRow(departures, [&](const app::TodayLine& l) {
        return l.target.departure == block.start && l.kind == app::TodayKind::Departure;
    });
    REQUIRE(closedRow);
    CHECK(departures->RowText(*closedRow) == "19:40: closed (lock gate jammed)");

    test::SaveScreenshot(frame, "today");

    // The demo database is shared by the run's other tests: the closure goes again.
    other->write([&](domain::StoreWriter& w) { w.deleteBlock(block.id); });
    frame->Destroy();
    test::Pump(50ms);
}
