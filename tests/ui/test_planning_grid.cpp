// The planning grid on its own, fed a busy synthetic day: what it shows and how fast it repaints
// (DESIGN.md §10: 10 boats × 36 departures × 400 bookings within 8 ms; measured, printed, not asserted).
#include <catch2/catch.hpp>

#include "ui_support.h"

#include "ui/planning_grid.h"

#include <wx/dcmemory.h>
#include <wx/frame.h>
#include <wx/graphics.h>

#include <algorithm>
#include <iostream>

using namespace narcisse;
using namespace std::chrono_literals;

namespace {

constexpr domain::LocalDate kDay{date::year{2026}, date::August, date::day{15}};

// 10 boats, 36 departures from 9:00 every 20 minutes, 400 bookings spread over them.
app::DayPlanning BusyDay()
{
    const domain::BusinessZone zone("Europe/Paris");
    app::DayPlanning p;
    p.date = kDay;
    p.timeZone = zone.name();
    const char* colours[] = {"#2E86AB", "#E4572E", "#76B041", "#F3A712", "#8E44AD",
                             "#17BEBB", "#C0392B", "#34495E", "#D35400", "#16A085"};
    for (int b = 0; b < 10; ++b) {
        domain::Boat boat;
        boat.id = domain::Uuid::generate();
        boat.name = "Boat " + std::to_string(b + 1);
        boat.colour = colours[b];
        boat.status = b == 9 ? domain::BoatStatus::Maintenance : domain::BoatStatus::InService;
        p.boats.push_back(boat);
    }
    for (int d = 0; d < 36; ++d) {
        const domain::Minutes local{9 * 60 + 20 * d};
        domain::DepartureAvailability a;
        a.departure = {zone.at(kDay, local), zone.at(kDay, local) + std::chrono::minutes{45}, local};
        for (const auto& boat : p.boats) a.boats.push_back({boat, 0, std::nullopt});
        p.departures.push_back(a);
    }
    p.cells.assign(36, std::vector<std::vector<std::size_t>>(10));
    const domain::BookingState states[] = {domain::BookingState::Confirmed, domain::BookingState::Pending,
                                           domain::BookingState::Embarqued, domain::BookingState::Confirmed};
    const char* languages[] = {"fr", "de", "en", "es", "it"};
    for (int i = 0; i < 400; ++i) {
        const auto d = static_cast<std::size_t>(i % 36), b = static_cast<std::size_t>((i / 36) % 9);
        domain::Booking booking;
        booking.ref = domain::PublicRef::fromNumber(static_cast<std::uint64_t>(1000 + i));
        booking.boatId = p.boats[b].id;
        booking.departureStart = p.departures[d].departure.start;
        booking.departureEnd = p.departures[d].departure.end;
        booking.party = {1 + i % 3, i % 2, 0};
        booking.state = states[i % 4];
        booking.customerName = "Customer " + std::to_string(i);
        booking.total = domain::Money::cents(1500 * booking.party.adults + 800 * booking.party.children);
        booking.language = languages[i % 5];
        // One in three still owes something: the badges cost their share of the repaint.
        p.paid.push_back(i % 3 == 0 ? domain::Money::zero() : booking.total);
        p.cells[d][b].push_back(p.bookings.size());
        p.departures[d].boats[b].held += booking.party.seats(true);
        p.bookings.push_back(booking);
    }
    p.departures[3].boats[2].closedReason = "Lock maintenance";   // one boat
    p.departures[10].closedReason = "Storm warning";               // the whole departure
    for (auto& load : p.departures[10].boats) load.closedReason = "Storm warning";
    for (auto& a : p.departures) {
        for (const auto& load : a.boats) {
            a.seatsHeld += load.held;
            if (load.offered()) a.seatsTotal += load.boat.capacity;
        }
        a.seatsFree = std::max(0, a.seatsTotal - a.seatsHeld);
    }
    return p;
}

double Median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

}  // namespace

TEST_CASE("the planning grid draws a busy day within its budget", "[ui]")
{
    auto* frame = new wxFrame(nullptr, wxID_ANY, "grid");
    frame->SetClientSize(frame->FromDIP(wxSize(1280, 760)));
    auto* grid = new ui::PlanningGrid(frame);
    frame->Show();
    test::Pump(100ms);

    const auto started = std::chrono::steady_clock::now();
    grid->SetPlanning(std::make_shared<const app::DayPlanning>(BusyDay()));
    const double layoutMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();

    const std::vector<wxString> labels = grid->DepartureLabels();
    REQUIRE(labels.size() == 36);
    CHECK(labels.front() == "09:00");
    CHECK(labels.back() == "20:40");

    // What the screen shows, repainted for real; and the drawing alone into a bitmap.
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
    std::cout << "planning grid, 10 boats x 36 departures x 400 bookings, " << size.x << "x" << size.y
              << " px: layout " << layoutMs << " ms, repaint median "
              << (onScreen.empty() ? 0.0 : Median(onScreen)) << " ms on screen (" << onScreen.size()
              << " paints), " << Median(drawing) << " ms drawing alone (budget 8 ms)\n";
    CHECK_FALSE(drawing.empty());
    test::SaveScreenshot(frame, "planning_busy_day");

    // Each zoom level: zoomed out shows more cells, so more to draw.
    grid->ZoomOut();
    grid->ZoomOut();
    for (int level = 0; level < 5; ++level) {
        std::vector<double> levelDrawing;
        for (int i = 0; i < 20; ++i) {
            wxMemoryDC dc(bitmap);
            const auto t0 = std::chrono::steady_clock::now();
            {
                std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
                grid->Draw(*gc, size);
            }
            levelDrawing.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        }
        std::cout << "planning grid, busy day at " << grid->ZoomPercent() << " %: " << Median(levelDrawing)
                  << " ms drawing alone (budget 8 ms)\n";
        grid->ZoomIn();
    }
    grid->ZoomReset();
    frame->Destroy();
    test::Pump(50ms);
}
