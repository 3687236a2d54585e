// Moving bookings on the real planning under Xvfb: a booking dragged with the mouse to another boat
// lands there in the database, undo puts it back, a drop the rules refuse says why, the Move dialog
// offers the day's departures and boats with their free seats (and another day's, loaded on the
// worker), and a sale made by another program
// shows within two seconds without losing the user's place. Screenshots in build/screenshots/.
#include <catch2/catch.hpp>

#include "ui_support.h"

#include "app/demo_data.h"
#include "app/sales.h"
#include "app/store_factory.h"
#include "support/engines.h"
#include "ui/format.h"
#include "ui/main_frame.h"
#include "ui/move_dialog.h"
#include "ui/planning_grid.h"
#include "ui/planning_panel.h"

#include <wx/datectrl.h>
#include <wx/frame.h>
#include <wx/toplevel.h>

#include <iostream>

using namespace narcisse;
using namespace std::chrono_literals;

namespace {

constexpr domain::LocalDate kBastilleDay{date::year{2026}, date::July, date::day{14}};

// A demo database of its own (these tests change it), with a boatman on the first boat.
const std::string& MovesDatabase()
{
    static test::TempDir dir;
    static const std::string path = [] {
        const std::string file = dir.file("narcisse-moves.db");
        auto store = app::openStore(file);
        app::DemoOptions options;
        options.season = 2026;
        app::generateDemoData(*store, options, domain::FixedClock(test::TestNow()));
        store->write([](domain::StoreWriter& w) {
            const auto boats = w.boats();
            for (const auto& e : w.employees())
                if (e.role == domain::Role::Staff && e.active) {
                    w.saveCrewAssignment({domain::Uuid::generate(), kBastilleDay, boats.front().id, e.id});
                    break;
                }
        });
        return file;
    }();
    return path;
}

std::shared_ptr<ui::Session> MovesSession()
{
    auto session = ui::MakeSession(MovesDatabase(), std::make_shared<domain::FixedClock>(test::TestNow()));
    app::openStore(MovesDatabase())->read([&](domain::StoreReader& r) {
        session->employee = r.employeeByLogin(app::kDemoManagerLogin);
    });
    return session;
}

domain::Booking StoredBooking(const domain::Uuid& id)
{
    std::optional<domain::Booking> b;
    app::openStore(MovesDatabase())->read([&](domain::StoreReader& r) { b = r.bookingById(id); });
    REQUIRE(b);
    return *b;
}

void Mouse(wxWindow* window, wxEventType type, const wxPoint& at, bool leftDown)
{
    wxMouseEvent event(type);
    event.SetPosition(at);
    event.m_leftDown = leftDown;
    event.SetEventObject(window);
    window->GetEventHandler()->ProcessEvent(event);
}

// Presses on `from`, moves there in steps as a hand would, and stays over `to` (button still down).
void DragOver(ui::PlanningGrid* grid, const wxPoint& from, const wxPoint& to)
{
    Mouse(grid, wxEVT_LEFT_DOWN, from, true);
    for (int step = 1; step <= 8; ++step)
        Mouse(grid, wxEVT_MOTION, from + (to - from) * step / 8, true);
    test::Pump(30ms);
}

struct Candidate {
    std::size_t booking = 0;
    int column = 0;
    int row = 0;
    int target = 0;   // a row whose cell accepts the booking
};

// A booking of a departure still ahead whose block is on screen, with a neighbouring boat that has
// room for it, also on screen.
std::optional<Candidate> FindMovable(ui::PlanningGrid* grid)
{
    const app::DayPlanning& day = *grid->Planning();
    const wxRect view = grid->GetClientRect();
    for (int column = 0; column < static_cast<int>(day.departures.size()); ++column) {
        if (day.departures[static_cast<std::size_t>(column)].departure.start <= test::TestNow()) continue;
        for (int row = 0; row < static_cast<int>(day.boats.size()); ++row) {
            for (std::size_t index : day.cells[static_cast<std::size_t>(column)][static_cast<std::size_t>(row)]) {
                if (day.bookings[index].state != domain::BookingState::Confirmed) continue;
                for (int target : {row + 1, row - 1}) {
                    if (target < 0 || target >= static_cast<int>(day.boats.size())) continue;
                    if (grid->MoveHint(index, column, target)) continue;
                    grid->SelectCell(column, std::max(row, target));
                    grid->SelectCell(column, std::min(row, target));
                    const wxRect block = grid->BlockRect(index);
                    const wxRect cell = grid->CellRect(column, target);
                    if (!block.IsEmpty() && view.Contains(block.GetTopLeft()) && view.Contains(block.GetBottomRight()) &&
                        view.Contains(cell.GetTopLeft() + wxPoint(4, 4)))
                        return Candidate{index, column, row, target};
                }
            }
        }
    }
    return std::nullopt;
}

wxPoint Centre(const wxRect& r)
{
    return r.GetTopLeft() + wxPoint(r.width / 2, r.height / 2);
}

struct Window {
    std::shared_ptr<ui::Session> session = MovesSession();
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
    bool WaitUntilOn(const domain::Uuid& id, const domain::Uuid& boat)
    {
        return test::PumpUntil([&] {
            if (planning->IsEditing() || !grid->Planning()) return false;
            for (const auto& b : grid->Planning()->bookings)
                if (b.id == id) return b.boatId == boat;
            return false;
        });
    }
};

}  // namespace

TEST_CASE("a booking dragged to another boat moves there; undo puts it back", "[ui][moves]")
{
    Window w;
    const auto found = FindMovable(w.grid);
    REQUIRE(found);
    const app::DayPlanning& day = *w.grid->Planning();
    const domain::Booking booking = day.bookings[found->booking];
    const domain::Uuid from = day.boats[static_cast<std::size_t>(found->row)].id;
    const domain::Uuid to = day.boats[static_cast<std::size_t>(found->target)].id;
    INFO(booking.ref.str() << " from " << day.boats[static_cast<std::size_t>(found->row)].name << " to "
                           << day.boats[static_cast<std::size_t>(found->target)].name);

    DragOver(w.grid, Centre(w.grid->BlockRect(found->booking)), Centre(w.grid->CellRect(found->column, found->target)));
    CHECK(w.grid->IsDragging());
    REQUIRE(w.grid->DropCell());
    CHECK(*w.grid->DropCell() == wxPoint(found->column, found->target));
    CHECK_FALSE(w.grid->DropRefusal());   // green
    test::SaveScreenshot(w.frame, "planning_drag");
    Mouse(w.grid, wxEVT_LEFT_UP, Centre(w.grid->CellRect(found->column, found->target)), false);
    CHECK_FALSE(w.grid->IsDragging());

    REQUIRE(w.WaitUntilOn(booking.id, to));
    CHECK(StoredBooking(booking.id).boatId == to);   // in the database, not only on screen
    CHECK(StoredBooking(booking.id).departureStart == booking.departureStart);
    CHECK(w.planning->NoticeText().StartsWith("Moved " + wxString::FromUTF8(booking.ref.str())));
    REQUIRE(w.grid->SelectedBooking());
    CHECK(w.grid->SelectedBooking()->id == booking.id);   // the moved booking stays selected
    CHECK(w.planning->CanUndo());
    CHECK(w.planning->UndoLabel() == "move " + wxString::FromUTF8(booking.ref.str()));
    test::SaveScreenshot(w.frame, "planning_move");

    w.Menu(wxID_UNDO);   // Edit ▸ Undo (Ctrl+Z)
    REQUIRE(w.WaitUntilOn(booking.id, from));
    CHECK(StoredBooking(booking.id).boatId == from);
    CHECK(w.planning->NoticeText().StartsWith("Undone: Moved " + wxString::FromUTF8(booking.ref.str())));
    CHECK_FALSE(w.planning->CanUndo());
    CHECK(w.planning->CanRedo());

    w.Menu(wxID_REDO);
    REQUIRE(w.WaitUntilOn(booking.id, to));
    CHECK(StoredBooking(booking.id).boatId == to);
    w.Menu(wxID_UNDO);
    REQUIRE(w.WaitUntilOn(booking.id, from));
}

TEST_CASE("a drop the rules refuse is red, says why, and changes nothing", "[ui][moves]")
{
    Window w;
    const auto found = FindMovable(w.grid);
    REQUIRE(found);
    const app::DayPlanning& day = *w.grid->Planning();
    const domain::Booking booking = day.bookings[found->booking];
    // The last departure that has left at 14:30, on screen with the booking.
    int left = 0;
    while (day.departures[static_cast<std::size_t>(left + 1)].departure.start <= test::TestNow()) ++left;
    w.grid->SelectCell(found->column, found->row);
    w.grid->SelectCell(left, found->target);
    test::Pump(30ms);
    const wxRect past = w.grid->CellRect(left, found->target);
    const wxRect block = w.grid->BlockRect(found->booking);
    REQUIRE_FALSE(block.IsEmpty());
    REQUIRE(w.grid->GetClientRect().Contains(Centre(block)));
    DragOver(w.grid, Centre(block), Centre(past));
    REQUIRE(w.grid->DropRefusal());
    CHECK(*w.grid->DropRefusal() == "the target departure has already left");
    test::SaveScreenshot(w.frame, "planning_drag_refused");
    Mouse(w.grid, wxEVT_LEFT_UP, Centre(past), false);
    test::Pump(100ms);
    CHECK(w.planning->NoticeText() == "Cannot move there: the target departure has already left");
    CHECK_FALSE(w.planning->IsEditing());
    CHECK(StoredBooking(booking.id).boatId == booking.boatId);
    CHECK(StoredBooking(booking.id).departureStart == booking.departureStart);
}

TEST_CASE("the keyboard: Tab selects a booking, M opens the Move dialog with free seats", "[ui][moves]")
{
    Window w;
    const auto found = FindMovable(w.grid);
    REQUIRE(found);
    const app::DayPlanning& day = *w.grid->Planning();
    w.grid->SelectCell(found->column, found->row);
    std::optional<std::size_t> asked;
    w.grid->SetOnMoveDialog([&](std::size_t booking) { asked = booking; });   // instead of the modal dialog
    auto press = [&](int key) {
        wxKeyEvent event(wxEVT_KEY_DOWN);
        event.m_keyCode = key;
        w.grid->GetEventHandler()->ProcessEvent(event);
    };
    press(WXK_TAB);
    const std::size_t first = day.cells[static_cast<std::size_t>(found->column)][static_cast<std::size_t>(found->row)].front();
    REQUIRE(w.grid->SelectedBookingIndex());
    CHECK(*w.grid->SelectedBookingIndex() == first);
    press('M');
    REQUIRE(asked);
    CHECK(*asked == first);

    // Copies: the day on screen is replaced by each reload.
    const domain::Booking booking = day.bookings[found->booking];
    const domain::Uuid from = day.boats[static_cast<std::size_t>(found->row)].id;
    const domain::Uuid to = day.boats[static_cast<std::size_t>(found->target)].id;
    auto* dialog = new ui::MoveDialog(w.frame, std::make_shared<const app::DayPlanning>(day), found->booking, {},
                                      test::TestNow());
    dialog->Show();
    const auto departures = dialog->DepartureLabels();
    REQUIRE(departures.size() == day.departures.size());
    CHECK(departures.front() == wxString::FromUTF8("10:00 · has left"));
    const auto& target = day.departures[static_cast<std::size_t>(found->column)];
    dialog->SelectDeparture(found->column);
    const wxString time = ui::FormatWallTime(target.departure.localStart);
    CHECK(dialog->DepartureLabels()[static_cast<std::size_t>(found->column)] ==
          (target.departure.start == booking.departureStart
               ? time + wxString::FromUTF8(" · its departure")
               : time + wxString::FromUTF8(" · ") + wxString::Format("%d seats free", target.seatsFree)));
    const auto& load = target.boats[static_cast<std::size_t>(found->target)];
    dialog->SelectBoat(found->target);
    CHECK(dialog->BoatLabels()[static_cast<std::size_t>(found->target) + 1] ==
          wxString::FromUTF8(load.boat.name + " · ") + wxString::Format("%d of %d seats free", load.free(), load.boat.capacity));
    CHECK(dialog->CanMove());
    CHECK(dialog->VerdictText() == wxString::FromUTF8("✓ ") + wxString::FromUTF8(load.boat.name) + " at " +
                                       ui::FormatWallTime(target.departure.localStart) +
                                       wxString::Format(": %d seats free", load.free()));
    dialog->SelectBoat(found->row);   // where it is
    CHECK_FALSE(dialog->CanMove());
    CHECK(dialog->VerdictText().Contains("is already on"));
    dialog->SelectBoat(found->target);
    test::SaveScreenshot(dialog, "move_dialog");

    w.planning->RequestMove(found->booking, dialog->Column(), dialog->Row());
    dialog->Destroy();
    REQUIRE(w.WaitUntilOn(booking.id, to));
    w.Menu(wxID_UNDO);
    REQUIRE(w.WaitUntilOn(booking.id, from));
}

TEST_CASE("the Move dialog moves a booking to a departure of another day", "[ui][moves]")
{
    Window w;
    const auto found = FindMovable(w.grid);
    REQUIRE(found);
    const domain::Booking booking = w.grid->Planning()->bookings[found->booking];
    const domain::LocalDate nextDay = ui::AddDays(kBastilleDay, 1);
    INFO(booking.ref.str());

    // The dialog is modal: what the user would do runs inside its loop.
    struct Chosen {
        bool opened = false, loaded = false, booking = false;
        domain::LocalDate date;
        domain::Instant start;
        domain::Uuid boat;
        wxString verdict;
        std::vector<wxString> departures;
        bool keyboard = false;
    } chosen;
    wxTheApp->CallAfter([&] {
        ui::MoveDialog* dialog = nullptr;
        for (wxWindow* window : wxTopLevelWindows)
            if (auto* d = dynamic_cast<ui::MoveDialog*>(window)) dialog = d;
        if (!dialog) return;
        chosen.opened = true;
        chosen.booking = dialog->Date() == kBastilleDay && dialog->Day() && dialog->Day()->date == kBastilleDay;
        // On the date (Shift+Tab from the departures), Down: the day after.
        wxWindow* picker = nullptr;
        for (wxWindow* child : dialog->GetChildren())
            if (dynamic_cast<wxDatePickerCtrl*>(child)) picker = child;
        if (!picker) return dialog->EndModal(wxID_CANCEL);
        picker->SetFocus();
        test::Pump(50ms);
        wxKeyEvent down(wxEVT_CHAR_HOOK);
        down.m_keyCode = WXK_DOWN;
        dialog->GetEventHandler()->ProcessEvent(down);
        chosen.keyboard = dialog->IsLoading() && dialog->Date() == nextDay;
        if (!chosen.keyboard) dialog->SelectDate(nextDay);
        chosen.loaded = test::PumpUntil([&] { return !dialog->IsLoading(); }, 10s) && dialog->Day() &&
                        dialog->Day()->date == nextDay;
        if (chosen.loaded) {
            chosen.date = dialog->Date();
            chosen.departures = dialog->DepartureLabels();
            const auto day = dialog->Day();
            // A departure with room on a boat other than the best fit, chosen as the arrows would.
            bool found = false;
            for (int c = 0; c < static_cast<int>(day->departures.size()) && !found; ++c) {
                dialog->SelectDeparture(c);
                for (int r = static_cast<int>(day->boats.size()) - 1; r >= 0 && !found; --r) {
                    dialog->SelectBoat(r);
                    if (!dialog->CanMove()) continue;
                    found = true;
                    chosen.start = day->departures[static_cast<std::size_t>(c)].departure.start;
                    chosen.boat = day->boats[static_cast<std::size_t>(r)].id;
                    chosen.verdict = dialog->VerdictText();
                }
            }
            chosen.loaded = found;
            if (found) test::SaveScreenshot(dialog, "move_dialog_other_day");
        }
        dialog->EndModal(chosen.loaded ? wxID_OK : wxID_CANCEL);
    });
    w.planning->OpenMoveDialog(found->booking);   // returns once the dialog is closed

    REQUIRE(chosen.opened);
    CHECK(chosen.booking);   // it opens on the booking's own day
    REQUIRE(chosen.loaded);
    CHECK(chosen.keyboard);
    CHECK(chosen.date == nextDay);
    for (const auto& label : chosen.departures) CHECK_FALSE(label.Contains("its departure"));
    CHECK(chosen.verdict.StartsWith(wxString::FromUTF8("✓ ")));
    CHECK(chosen.verdict.Contains(" on " + ui::FormatLongDate(nextDay) + " at "));
    // Once the day on screen has been reloaded without it, the move is done.
    REQUIRE(test::PumpUntil([&] {
        if (w.planning->IsEditing() || !w.grid->Planning()) return false;
        for (const auto& b : w.grid->Planning()->bookings)
            if (b.id == booking.id) return false;
        return true;
    }));
    const domain::Booking stored = StoredBooking(booking.id);   // in the database
    CHECK(stored.departureStart == chosen.start);
    CHECK(stored.boatId == chosen.boat);
    CHECK(w.planning->NoticeText().StartsWith("Moved " + wxString::FromUTF8(booking.ref.str())));

    w.Menu(wxID_UNDO);   // back on its day, for the other tests
    REQUIRE(test::PumpUntil([&] { return !w.planning->IsEditing() && StoredBooking(booking.id).departureStart == booking.departureStart; }));
    CHECK(StoredBooking(booking.id).boatId == booking.boatId);
}

TEST_CASE("a sale made by another program shows within two seconds, in place", "[ui][moves]")
{
    Window w;
    w.grid->SelectCell(22, 3);
    const wxPoint cell = w.grid->SelectedCell();
    const wxPoint scrolled = w.grid->GetViewStart();
    const std::uint64_t reloads = w.planning->LiveReloads();
    test::Pump(1200ms);   // a poll or two with nothing new: no reload
    CHECK(w.planning->LiveReloads() == reloads);

    // Another desk, on its own connection.
    app::SaleRequest request;
    request.date = kBastilleDay;
    request.time = domain::Minutes{19 * 60};
    request.party = {1, 0, 0};
    request.payment = domain::PaymentMethod::Card;   // by card: no cash drawer to open
    request.customer = domain::Customer{domain::Uuid::generate(), "Zoë Live-Refresh", "", "", "en"};
    const auto started = std::chrono::steady_clock::now();
    const auto sold = app::sellRide(*app::openStore(MovesDatabase()), domain::FixedClock(test::TestNow()), request);
    const bool shown = test::PumpUntil(
        [&] {
            for (const auto& b : w.grid->Planning()->bookings)
                if (b.id == sold.booking.id) return true;
            return false;
        },
        5s);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cout << "live refresh: another connection's sale on screen after " << seconds << " s\n";
    REQUIRE(shown);
    CHECK(seconds <= 2.0);
    CHECK(w.planning->LiveReloads() == reloads + 1);
    CHECK(w.grid->SelectedCell() == cell);
    CHECK(w.grid->GetViewStart() == scrolled);
    CHECK(w.planning->SummaryText().Contains("crew warning"));
}
