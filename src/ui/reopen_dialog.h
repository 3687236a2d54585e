// Reopening closures of the day on screen: the user ticks which to remove. Reopening does not undo
// the moves a closure made (its passengers stay where they were moved).
#pragma once

#include "app/planning.h"
#include "ui/session.h"

#include <functional>
#include <memory>

class wxWindow;

namespace narcisse::ui {

// Lists the closures of `day`, removes the ticked ones on the worker, then calls `reopened` with
// the sentence to show (on the UI thread). Says so when the day has no closure.
void ShowReopenDialog(wxWindow* parent, std::shared_ptr<Session> session, const app::DayPlanning& day,
                      std::function<void(const wxString& outcome)> reopened);

}  // namespace narcisse::ui
