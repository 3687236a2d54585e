#include "ui/notification_log_dialog.h"

#include "app/notifications.h"
#include "ui/async.h"

#include <wx/listctrl.h>
#include <wx/stattext.h>

namespace narcisse::ui {
namespace {

const wxColour kFailedText(0xC5, 0x30, 0x30);
const wxColour kMutedText(0x5F, 0x6B, 0x7A);

wxString StatusName(domain::NotificationStatus s)
{
    switch (s) {
        case domain::NotificationStatus::Pending: return _("Waiting");
        case domain::NotificationStatus::Sent: return _("Sent");
        case domain::NotificationStatus::Failed: return _("Failed");
    }
    return {};
}

wxString KindName(const std::string& kind)
{
    if (kind == "closure.moved") return _("Ride moved");
    if (kind == "closure.cancelled") return _("Ride cancelled");
    return wxString::FromUTF8(kind);
}

}  // namespace

NotificationLogDialog::NotificationLogDialog(wxWindow* parent, Session& session)
    : wxDialog(parent, wxID_ANY, _("Messages to customers"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_session(session)
{
    auto* top = new wxBoxSizer(wxVERTICAL);
    m_list = new wxListView(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(900, 320)),
                            wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->AppendColumn(_("Created"), wxLIST_FORMAT_LEFT, FromDIP(130));
    m_list->AppendColumn(_("Recipient"), wxLIST_FORMAT_LEFT, FromDIP(250));
    m_list->AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, FromDIP(110));
    m_list->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(70));
    m_list->AppendColumn(_("Error"), wxLIST_FORMAT_LEFT, FromDIP(320));
    top->Add(m_list, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(12)));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_status = new wxStaticText(this, wxID_ANY, wxString());
    m_status->SetForegroundColour(kMutedText);
    buttons->Add(m_status, wxSizerFlags(1).CenterVertical());
    m_retry = new wxButton(this, wxID_ANY, _("&Send again"));
    auto* refresh = new wxButton(this, wxID_REFRESH, _("&Refresh"));
    buttons->Add(refresh, wxSizerFlags().Border(wxLEFT, 6));
    buttons->Add(m_retry, wxSizerFlags().Border(wxLEFT, 6));
    buttons->Add(new wxButton(this, wxID_CLOSE, _("Close")), wxSizerFlags().Border(wxLEFT, 6));
    top->Add(buttons, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    SetSizerAndFit(top);
    CentreOnParent();

    m_retry->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { RetrySelected(); });
    refresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Reload(); });
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { IsModal() ? EndModal(wxID_CLOSE) : (void)Destroy(); }, wxID_CLOSE);
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { UpdateButtons(); });
    m_list->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { UpdateButtons(); });
    Reload();
}

void NotificationLogDialog::Reload()
{
    m_busy = true;
    UpdateButtons();
    RunOnWorker(
        *m_session.worker, this, [](domain::Store& store) { return app::notificationLog(store); },
        [](NotificationLogDialog& d, std::vector<domain::Notification> log) { d.OnLoaded(std::move(log)); },
        [](NotificationLogDialog& d, const Failure& f) { d.OnFailed(f.message); });
}

void NotificationLogDialog::OnLoaded(std::vector<domain::Notification> log)
{
    m_busy = false;
    m_shown = std::move(log);
    m_list->DeleteAllItems();
    const domain::BusinessZone zone = m_session.zone.value_or(domain::BusinessZone());
    for (std::size_t i = 0; i < m_shown.size(); ++i) {
        const auto& n = m_shown[i];
        const long row = m_list->InsertItem(static_cast<long>(i),
                                            wxString::FromUTF8(domain::isoDate(zone.localDate(n.createdAt)) + " " +
                                                               zone.format(n.createdAt)));
        m_list->SetItem(row, 1, wxString::FromUTF8(n.recipient));
        m_list->SetItem(row, 2, KindName(n.kind));
        m_list->SetItem(row, 3, StatusName(n.status));
        m_list->SetItem(row, 4, wxString::FromUTF8(n.error));
        if (n.status == domain::NotificationStatus::Failed) m_list->SetItemTextColour(row, kFailedText);
    }
    m_status->SetLabel(wxString::Format(wxPLURAL("%zu message", "%zu messages", m_shown.size()), m_shown.size()));
    UpdateButtons();
}

void NotificationLogDialog::RetrySelected()
{
    const long row = m_list->GetFirstSelected();
    if (m_busy || row < 0 || static_cast<std::size_t>(row) >= m_shown.size()) return;
    const domain::Uuid id = m_shown[static_cast<std::size_t>(row)].id;
    const auto clock = m_session.clock;
    m_busy = true;
    UpdateButtons();
    RunOnWorker(
        *m_session.worker, this,
        [id, clock](domain::Store& store) {
            app::retryNotification(store, id);
            auto mailer = app::configuredMailer(store);
            if (mailer.mailer) app::sendPendingNotifications(store, *mailer.mailer, *clock);
            return app::notificationLog(store);
        },
        [](NotificationLogDialog& d, std::vector<domain::Notification> log) { d.OnLoaded(std::move(log)); },
        [](NotificationLogDialog& d, const Failure& f) { d.OnFailed(f.message); });
}

void NotificationLogDialog::OnFailed(const wxString& message)
{
    m_busy = false;
    m_status->SetLabel(message);
    m_status->SetForegroundColour(kFailedText);
    UpdateButtons();
}

void NotificationLogDialog::UpdateButtons()
{
    const long row = m_list->GetFirstSelected();
    const bool failed = row >= 0 && static_cast<std::size_t>(row) < m_shown.size() &&
                        m_shown[static_cast<std::size_t>(row)].status == domain::NotificationStatus::Failed;
    m_retry->Enable(!m_busy && failed);
}

wxString NotificationLogDialog::StatusText() const { return m_status->GetLabel(); }

void ShowNotificationLog(wxWindow* parent, Session& session)
{
    NotificationLogDialog dialog(parent, session);
    dialog.ShowModal();
}

}  // namespace narcisse::ui
