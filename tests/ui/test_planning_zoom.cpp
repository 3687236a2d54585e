// The day view's booking blocks and zoom on the real planning of 14 July 2026 under Xvfb: each block
// names its language, a booking with money to collect wears the badge and a paid one does not, the
// zoom scales the columns by its level and keeps the selected cell in view, and each level repaints
// within the budget (printed). Screenshots: planning_zoom_out.png, planning_zoom_in.png.
#include <catch2/catch.hpp>

#include "ui_support.h"

#include "app/demo_data.h"
#include "app/store_factory.h"
#include "support/engines.h"
#include "ui/format.h"
#include "ui/main_frame.h"
#include "ui/planning_grid.h"
#include "ui/planning_panel.h"

#include <wx/dcmemory.h>
#include <wx/graphics.h>
#include <wx/menu.h>

#include <algorithm>
#include <iostream>

using namespace narcisse;
using namespace std::chrono_literals;

namespace {

constexpr domain::LocalDate kBastilleDay{date::year{2026}, date::July, date::day{14}};

// A demo season of its own, so that no other test's moves change what these see.
const std::string& ZoomDatabase()
{
    static test::TempDir dir;
    static const std::string path = [] {
        const std::string file = dir.file("narcisse-zoom.db");
        auto store = app::openStore(file);
        app::DemoOptions options;
        options.season = 2026;
        options.bookings = 30000;
        app::generateDemoData(*store, options, domain::FixedClock(test::TestNow()));
        return file;
    }();
    return path;
}

struct Window {
    std::shared_ptr<ui::Session> session =
        ui::MakeSession(ZoomDatabase(), std::make_shared<domain::FixedClock>(test::TestNow()));
    ui::MainFrame* frame = new ui::MainFrame(session);
    ui::PlanningPanel* planning = frame->Planning();
    ui::PlanningGrid* grid = planning->Grid();

    Window()
    {
        frame->ShowView(ui::MainFrame::View::Planning);   // Today opens first
        frame->SetSize(frame->FromDIP(wxSize(1280, 800)));
        frame->Move(0, 0);
        frame->Show();
        planning->ShowDate(kBastilleDay);
        REQUIRE(test::PumpUntil([this] { return planning->IsLoaded(); }));
    }
    ~Window()
    {
        frame->Destroy();
        test::Pump(50ms);
    }
    void Menu(int id)
    {
        wxCommandEvent event(wxEVT_MENU, id);
        event.SetEventObject(frame);
        frame->ProcessWindowEvent(event);
    }
    void CtrlKey(int key)
    {
        wxKeyEvent event(wxEVT_KEY_DOWN);
        event.m_keyCode = key;
        event.m_controlDown = true;
        event.SetEventObject(grid);
        grid->GetEventHandler()->ProcessEvent(event);
    }
    void CtrlWheel(int notches)
    {
        wxMouseEvent event(wxEVT_MOUSEWHEEL);
        event.SetPosition(wxPoint(grid->GetClientSize().x / 2, grid->GetClientSize().y / 2));
        event.m_controlDown = true;
        event.m_wheelAxis = wxMOUSE_WHEEL_VERTICAL;
        event.m_wheelDelta = 120;
        event.m_wheelRotation = 120 * notches;
        event.SetEventObject(grid);
        grid->GetEventHandler()->ProcessEvent(event);
    }
    // The column width a level should give: the normal 116 DIP scaled, rounded as the grid does.
    int ExpectedWidth(int percent) const { return (grid->FromDIP(116) * percent + 50) / 100; }
    // All of the selected cell is inside the scrolled area (below the header, right of the boats).
    bool SelectedCellVisible() const
    {
        const wxRect cell = grid->CellRect(grid->SelectedCell().x, grid->SelectedCell().y);
        const wxRect first = grid->CellRect(0, 0);
        const wxPoint origin = first.GetTopLeft() + grid->CalcUnscrolledPosition(wxPoint(0, 0));
        const wxRect area(origin, grid->GetClientSize() - wxSize(origin.x, origin.y));
        return area.Contains(cell.GetTopLeft()) && area.Contains(cell.GetBottomRight());
    }
};

// Booking indexes of the day drawn on screen: one with money to collect, one fully paid.
struct Picked {
    std::optional<std::size_t> toCollect, paid;
};

Picked Pick(const ui::PlanningGrid& grid)
{
    const app::DayPlanning& day = *grid.Planning();
    REQUIRE(day.paid.size() == day.bookings.size());
    Picked picked;
    for (std::size_t i = 0; i < day.bookings.size(); ++i) {
        if (!grid.BlockOf(i) || !day.bookings[i].holdsSeats(day.loadedAt)) continue;
        if (!picked.toCollect && day.toCollect(i).cents() > 0 && day.paid[i].cents() > 0) picked.toCollect = i;
        if (!picked.paid && day.toCollect(i).cents() == 0 && day.paid[i].cents() > 0) picked.paid = i;
    }
    // A deposit paid and a balance owed is the telling case; none paid at all will do.
    for (std::size_t i = 0; !picked.toCollect && i < day.bookings.size(); ++i)
        if (grid.BlockOf(i) && day.bookings[i].holdsSeats(day.loadedAt) && day.toCollect(i).cents() > 0)
            picked.toCollect = i;
    return picked;
}

// The tooltip over a booking's block, its cell scrolled into view first.
wxString TipOf(ui::PlanningGrid& grid, std::size_t booking)
{
    REQUIRE(grid.SelectBooking(grid.Planning()->bookings[booking].id));
    const wxRect block = grid.BlockRect(booking);
    return grid.TooltipAt(block.GetTopLeft() + wxPoint(block.width / 2, block.height / 2));
}

double Median(std::vector<double> values)
{
    if (values.empty()) return 0.0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

}  // namespace

TEST_CASE("a booking block names its language and wears a badge only when money is to collect", "[ui][zoom]")
{
    Window w;
    const app::DayPlanning& day = *w.grid->Planning();
    const Picked picked = Pick(*w.grid);
    REQUIRE(picked.toCollect);
    REQUIRE(picked.paid);

    for (std::size_t i : {*picked.toCollect, *picked.paid}) {
        const domain::Booking& booking = day.bookings[i];
        const wxString code = wxString::FromUTF8(booking.language).Upper();
        INFO(booking.ref.str() << ": " << w.grid->BlockText(i).utf8_string());
        REQUIRE(w.grid->BlockOf(i));
        CHECK(w.grid->BlockOf(i)->language == code);
        CHECK(w.grid->BlockText(i).EndsWith(' ' + code));
        CHECK(w.grid->BlockText(i).StartsWith(ui::PartyShort(booking.party)));   // the party first
    }

    const domain::Booking& owing = day.bookings[*picked.toCollect];
    const ui::BlockLayout& owingBlock = *w.grid->BlockOf(*picked.toCollect);
    INFO(owing.ref.str() << " owes " << day.toCollect(*picked.toCollect).display());
    // The badge is the currency alone (the name keeps its room); the tooltip has the figures.
    CHECK(owingBlock.collect == wxString::FromUTF8("€"));
    const wxString owingTip = TipOf(*w.grid, *picked.toCollect);
    CHECK(owingTip.StartsWith(wxString::FromUTF8(owing.ref.str())));
    CHECK(owingTip.Contains("Paid: " + ui::FormatMoney(day.paid[*picked.toCollect])));
    CHECK(owingTip.Contains("To collect: " + ui::FormatMoney(day.toCollect(*picked.toCollect))));

    const domain::Booking& paid = day.bookings[*picked.paid];
    INFO(paid.ref.str() << " has paid " << day.paid[*picked.paid].display());
    CHECK(w.grid->BlockOf(*picked.paid)->collect.empty());
    CHECK_FALSE(w.grid->BlockText(*picked.paid).Contains(wxString::FromUTF8("€")));
    const wxString paidTip = TipOf(*w.grid, *picked.paid);
    CHECK(paidTip.Contains("Paid: " + ui::FormatMoney(day.paid[*picked.paid])));
    CHECK_FALSE(paidTip.Contains("To collect"));

    // Zoomed in, the same badge: one sign means one thing at every size.
    w.grid->ZoomIn();
    w.grid->ZoomIn();
    REQUIRE(w.grid->ZoomPercent() == 145);
    REQUIRE(w.grid->BlockOf(*picked.toCollect));
    CHECK(w.grid->BlockOf(*picked.toCollect)->collect == wxString::FromUTF8("€"));
    CHECK(w.grid->BlockOf(*picked.paid)->collect.empty());
}

TEST_CASE("zoom scales the columns by its level, keeps the selected cell in view, and repaints in budget", "[ui][zoom]")
{
    Window w;
    const int normal = w.grid->ColumnWidth();
    REQUIRE(w.grid->ZoomPercent() == 100);
    CHECK(normal == w.ExpectedWidth(100));
    const int normalRowHeight = w.grid->CellRect(0, 0).height;

    // The View menu offers the three, with their shortcuts.
    wxMenuBar* bar = w.frame->GetMenuBar();
    REQUIRE(bar->FindItem(wxID_ZOOM_IN));
    CHECK(bar->FindItem(wxID_ZOOM_IN)->GetItemLabel().AfterFirst('\t') == "Ctrl+=");
    CHECK(bar->FindItem(wxID_ZOOM_OUT)->GetItemLabel().AfterFirst('\t') == "Ctrl+-");
    CHECK(bar->FindItem(wxID_ZOOM_100)->GetItemLabel().AfterFirst('\t') == "Ctrl+0");

    // A cell far into the day and down the fleet, so that zooming has something to keep in view.
    w.grid->SelectCell(22, 6);
    test::Pump(30ms);
    REQUIRE(w.SelectedCellVisible());
    const wxPoint selected = w.grid->SelectedCell();

    w.Menu(wxID_ZOOM_IN);   // View ▸ Zoom in (Ctrl+=)
    CHECK(w.grid->ZoomPercent() == 120);
    CHECK(w.grid->ColumnWidth() == w.ExpectedWidth(120));
    CHECK(w.grid->CellRect(0, 0).height > normalRowHeight);
    CHECK(w.grid->SelectedCell() == selected);
    CHECK(w.SelectedCellVisible());

    w.CtrlWheel(+1);   // Ctrl+wheel up over the grid
    CHECK(w.grid->ZoomPercent() == 145);
    CHECK(w.grid->ColumnWidth() == w.ExpectedWidth(145));
    CHECK(w.SelectedCellVisible());
    w.CtrlWheel(+1);   // already at the largest: stays
    CHECK(w.grid->ZoomPercent() == 145);

    w.CtrlKey('0');   // Ctrl+0: back to normal
    CHECK(w.grid->ZoomPercent() == 100);
    CHECK(w.grid->ColumnWidth() == normal);
    CHECK(w.grid->CellRect(0, 0).height == normalRowHeight);
    CHECK(w.SelectedCellVisible());

    w.CtrlKey('-');
    CHECK(w.grid->ColumnWidth() == w.ExpectedWidth(85));
    w.CtrlWheel(-1);
    CHECK(w.grid->ZoomPercent() == 70);
    CHECK(w.grid->ColumnWidth() == w.ExpectedWidth(70));
    CHECK(w.SelectedCellVisible());
    CHECK(w.grid->CellRect(0, 0).height < normalRowHeight);
    // Zoomed out, blocks are compact: the party and the language, no name.
    const app::DayPlanning& day = *w.grid->Planning();
    const Picked picked = Pick(*w.grid);
    REQUIRE(picked.toCollect);
    const ui::BlockLayout* compact = w.grid->BlockOf(*picked.toCollect);
    REQUIRE(compact);
    CHECK(compact->label == ui::PartyShort(day.bookings[*picked.toCollect].party));
    CHECK(compact->language == wxString::FromUTF8(day.bookings[*picked.toCollect].language).Upper());
    CHECK(compact->collect == wxString::FromUTF8("€"));
    const int columnsShown = (w.grid->GetClientSize().x - w.grid->CellRect(0, 0).x -
                              w.grid->CalcUnscrolledPosition(wxPoint(0, 0)).x) / w.grid->ColumnWidth();
    std::cout << "zoom 70 %: " << columnsShown << " of " << day.departures.size() << " departures across "
              << w.grid->GetClientSize().x << " px\n";
    // The screenshot where a badge is: on the booking with money to collect.
    const domain::Uuid owing = day.bookings[*picked.toCollect].id;
    REQUIRE(w.grid->SelectBooking(owing));
    test::SaveScreenshot(w.frame, "planning_zoom_out");
    w.CtrlKey('0');
    CHECK(w.grid->ColumnWidth() == normal);

    // The repaint at each level, on screen and drawing alone (budget 8 ms, DESIGN.md §10).
    REQUIRE(w.grid->SelectBooking(owing));
    w.CtrlKey('-');
    w.CtrlKey('-');
    for (int level = 0; level < 5; ++level) {
        std::vector<double> onScreen, drawing;
        for (int i = 0; i < 20; ++i) {
            w.grid->Refresh(false);
            w.grid->Update();
            test::Pump(5ms);
            if (w.grid->LastPaintMilliseconds() > 0) onScreen.push_back(w.grid->LastPaintMilliseconds());
        }
        const wxSize size = w.grid->GetClientSize();
        wxBitmap bitmap(size, 32);
        for (int i = 0; i < 20; ++i) {
            wxMemoryDC dc(bitmap);
            const auto t0 = std::chrono::steady_clock::now();
            {
                std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
                w.grid->Draw(*gc, size);
            }
            drawing.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        }
        std::cout << "day view repaint at " << w.grid->ZoomPercent() << " %: median " << Median(onScreen)
                  << " ms on screen (" << onScreen.size() << " paints), " << Median(drawing)
                  << " ms drawing alone (budget 8 ms)\n";
        CHECK_FALSE(drawing.empty());
        if (w.grid->ZoomPercent() == 145) test::SaveScreenshot(w.frame, "planning_zoom_in");
        w.Menu(wxID_ZOOM_IN);
    }
    CHECK(w.grid->ZoomPercent() == 145);
    CHECK(w.SelectedCellVisible());
}
