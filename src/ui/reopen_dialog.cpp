#include "ui/reopen_dialog.h"

#include "app/closures.h"
#include "ui/async.h"

#include <wx/choicdlg.h>
#include <wx/msgdlg.h>

namespace narcisse::ui {

namespace {
wxString U(const std::string& s) { return wxString::FromUTF8(s); }
}  // namespace

void ShowReopenDialog(wxWindow* parent, std::shared_ptr<Session> session, const app::DayPlanning& day,
                      std::function<void(const wxString& outcome)> reopened)
{
    if (day.blocks.empty()) {
        wxMessageBox(_("There is no closure on this day."), _("Reopen closures"), wxOK | wxICON_INFORMATION, parent);
        return;
    }
    const domain::BusinessZone zone(day.timeZone);
    wxArrayString names;
    for (const auto& block : day.blocks) names.Add(U(app::describeClosure(block, day.boats, zone)));
    wxMultiChoiceDialog dialog(parent,
                               _("Tick the closures to remove. Passengers already moved stay on their new departure."),
                               _("Reopen closures"), names);
    if (dialog.ShowModal() != wxID_OK || dialog.GetSelections().empty()) return;

    std::vector<domain::Uuid> ids;
    for (int i : dialog.GetSelections()) ids.push_back(day.blocks[static_cast<std::size_t>(i)].id);
    const auto employee = session->employee ? std::optional<domain::Uuid>(session->employee->id) : std::nullopt;
    RunOnWorker(
        *session->worker, parent,
        [ids, employee, clock = session->clock](domain::Store& store) {
            std::string said;
            for (const auto& id : ids) said += (said.empty() ? "" : "; ") + app::reopenClosure(store, *clock, id, employee);
            return said;
        },
        [reopened](wxWindow&, std::string said) { reopened(wxString::Format(_("Reopened: %s"), U(said))); },
        [reopened](wxWindow&, const Failure& failure) {
            reopened(wxString::Format(_("Could not reopen: %s"), failure.message));
        });
}

}  // namespace narcisse::ui
