// Undo and redo of the planning edits of this session, as command objects. Every do, undo and redo
// is a use case of its own (one transaction that checks the rules again), so an undo may be refused
// — the departure filled up meanwhile — and the history then stays exactly as it was.
//
// Not thread-safe: the window keeps it on its worker (jobs run one at a time) and reads State().
#pragma once

#include "app/moves.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace narcisse::app {

// What a command did, for the status line and for the planning to select afterwards.
struct PlanningOutcome {
    std::string message;                    // "Moved SN-… 2A from Ill 2026-07-14 10:00 to Lauch …"
    std::optional<domain::Uuid> bookingId;  // the booking it touched
    std::optional<domain::Booking> booking; // as it stands now
};

class PlanningCommand {
public:
    virtual ~PlanningCommand() = default;
    virtual std::string Label() const = 0;  // "move SN-…", for "Undo move SN-…"
    virtual PlanningOutcome Do(domain::Store& store, const domain::Clock& clock) = 0;
    virtual PlanningOutcome Undo(domain::Store& store, const domain::Clock& clock) = 0;
    // Again after an undo: by default the same as the first time.
    virtual PlanningOutcome Redo(domain::Store& store, const domain::Clock& clock) { return Do(store, clock); }
};

// A booking's move, remembering where it came from and where it went, so undo puts it back on the
// very boat and departure it left, and redo on the one it went to (not a best fit chosen anew).
class MoveCommand : public PlanningCommand {
public:
    explicit MoveCommand(MoveRequest request);
    std::string Label() const override;
    PlanningOutcome Do(domain::Store& store, const domain::Clock& clock) override;
    PlanningOutcome Undo(domain::Store& store, const domain::Clock& clock) override;
    PlanningOutcome Redo(domain::Store& store, const domain::Clock& clock) override;

    const std::optional<MoveResult>& LastResult() const { return m_last; }

private:
    PlanningOutcome Run(domain::Store& store, const domain::Clock& clock, MoveRequest request);
    MoveRequest Back(const MoveRequest& from) const;

    MoveRequest m_request;
    std::string m_ref;
    std::optional<MoveResult> m_first;    // the move as first done: from and to
    std::optional<MoveResult> m_last;
};

struct HistoryState {
    bool canUndo = false;
    bool canRedo = false;
    std::string undoLabel;   // the command undo would revert, e.g. "move SN-…"
    std::string redoLabel;
};

class PlanningHistory {
public:
    // Runs the command; only when it succeeds does it join the history (and the redo list empties).
    // A refusal propagates with its reason and leaves the history unchanged.
    PlanningOutcome Do(std::unique_ptr<PlanningCommand> command, domain::Store& store, const domain::Clock& clock);
    // Undo the latest command / redo the latest undone one. Nothing to undo or redo: ConflictError.
    PlanningOutcome Undo(domain::Store& store, const domain::Clock& clock);
    PlanningOutcome Redo(domain::Store& store, const domain::Clock& clock);
    HistoryState State() const;
    void Clear();

private:
    std::vector<std::unique_ptr<PlanningCommand>> m_done;
    std::vector<std::unique_ptr<PlanningCommand>> m_undone;
};

}  // namespace narcisse::app
