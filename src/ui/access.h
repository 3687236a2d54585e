// What the signed-in employee may do, as the screens show it: a control for an action the role may
// not do is disabled and its tooltip says who may. Presentation only: the use cases refuse all the same.
#pragma once

#include "domain/staff.h"
#include "ui/session.h"

#include <wx/string.h>

class wxWindow;

namespace narcisse::ui {

// True when the signed-in employee's role allows `action`; true without one (as for the command
// line, the use cases then check nobody).
bool May(const Session& session, domain::Action action);

// Who may, in a sentence: "Only an administrator may manage staff".
wxString WhoMay(domain::Action action);

// Enables `control` when the role allows `action` and `otherwise` holds; when the role does not,
// disables it and puts WhoMay in its tooltip (else `tooltip`, its usual one).
void AllowFor(wxWindow* control, const Session& session, domain::Action action, bool otherwise = true,
              const wxString& tooltip = {});

}  // namespace narcisse::ui
