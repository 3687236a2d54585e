#include "app/planning_history.h"

#include "domain/errors.h"

namespace narcisse::app {

using namespace narcisse::domain;

MoveCommand::MoveCommand(MoveRequest request) : m_request(std::move(request)) {
    if (m_request.ref) m_ref = m_request.ref->str();
}

std::string MoveCommand::Label() const {
    return "move " + (m_ref.empty() ? std::string("booking") : m_ref);
}

PlanningOutcome MoveCommand::Run(Store& store, const Clock& clock, MoveRequest request) {
    MoveResult result = moveBooking(store, clock, request);
    m_ref = result.after.ref.str();
    PlanningOutcome outcome;
    outcome.message = "Moved " + m_ref + " " + result.after.party.summary() + " from " + result.fromText + " to " +
                      result.toText;
    outcome.bookingId = result.after.id;
    outcome.booking = result.after;
    m_last = std::move(result);
    return outcome;
}

PlanningOutcome MoveCommand::Do(Store& store, const Clock& clock) {
    PlanningOutcome outcome = Run(store, clock, m_request);
    m_first = m_last;
    return outcome;
}

MoveRequest MoveCommand::Back(const MoveRequest& from) const {
    // Exactly where it was: the boat by id (a best fit could pick another one), the same employee.
    MoveRequest back;
    back.bookingId = m_first->before.id;
    back.date = m_first->fromDate;
    back.time = m_first->fromTime;
    back.boatId = m_first->before.boatId;
    back.employeeId = from.employeeId;
    return back;
}

PlanningOutcome MoveCommand::Undo(Store& store, const Clock& clock) {
    if (!m_first) throw ConflictError("this move has not been done, there is nothing to undo");
    return Run(store, clock, Back(m_request));
}

PlanningOutcome MoveCommand::Redo(Store& store, const Clock& clock) {
    if (!m_first) return Do(store, clock);
    MoveRequest again;
    again.bookingId = m_first->after.id;
    again.date = m_first->toDate;
    again.time = m_first->toTime;
    again.boatId = m_first->after.boatId;
    again.employeeId = m_request.employeeId;
    return Run(store, clock, again);
}

PlanningOutcome PlanningHistory::Do(std::unique_ptr<PlanningCommand> command, Store& store, const Clock& clock) {
    PlanningOutcome outcome = command->Do(store, clock);   // a refusal leaves both lists as they are
    m_done.push_back(std::move(command));
    m_undone.clear();
    return outcome;
}

PlanningOutcome PlanningHistory::Undo(Store& store, const Clock& clock) {
    if (m_done.empty()) throw ConflictError("there is nothing to undo");
    PlanningOutcome outcome = m_done.back()->Undo(store, clock);
    m_undone.push_back(std::move(m_done.back()));
    m_done.pop_back();
    return outcome;
}

PlanningOutcome PlanningHistory::Redo(Store& store, const Clock& clock) {
    if (m_undone.empty()) throw ConflictError("there is nothing to redo");
    PlanningOutcome outcome = m_undone.back()->Redo(store, clock);
    m_done.push_back(std::move(m_undone.back()));
    m_undone.pop_back();
    return outcome;
}

HistoryState PlanningHistory::State() const {
    HistoryState s;
    s.canUndo = !m_done.empty();
    s.canRedo = !m_undone.empty();
    if (s.canUndo) s.undoLabel = m_done.back()->Label();
    if (s.canRedo) s.redoLabel = m_undone.back()->Label();
    return s;
}

void PlanningHistory::Clear() {
    m_done.clear();
    m_undone.clear();
}

}  // namespace narcisse::app
