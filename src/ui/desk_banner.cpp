#include "ui/desk_banner.h"

#include "ui/format.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace narcisse::ui {
namespace {

struct BannerColours {
    wxColour background;
    wxColour text;
};

const BannerColours kRefused{wxColour(0xC6, 0x28, 0x28), *wxWHITE};

// Green goes, amber looks twice, red stops, orange takes money first. Amber carries dark text:
// white on amber cannot be read across a desk.
BannerColours ColoursOf(app::ScanOutcome outcome)
{
    switch (outcome) {
    case app::ScanOutcome::Boarded: return {wxColour(0x1E, 0x7B, 0x34), *wxWHITE};
    case app::ScanOutcome::AlreadyBoarded: return {wxColour(0xF2, 0xB1, 0x1B), wxColour(0x2B, 0x20, 0x00)};
    case app::ScanOutcome::Unpaid: return {wxColour(0xD9, 0x5F, 0x0E), *wxWHITE};
    case app::ScanOutcome::WrongDeparture:
    case app::ScanOutcome::Cancelled:
    case app::ScanOutcome::NotBoardable:
    case app::ScanOutcome::Unknown: break;
    }
    return kRefused;
}

const wxString kDot = wxString::FromUTF8(" · ");

}  // namespace

wxString ScanHeadline(const app::ScanResult& result)
{
    switch (result.outcome) {
    case app::ScanOutcome::Boarded: return wxString::FromUTF8("✓ ") + _("Boarded");
    case app::ScanOutcome::AlreadyBoarded: return _("Already boarded");
    case app::ScanOutcome::WrongDeparture: return wxString::FromUTF8("✗ ") + _("Wrong departure");
    case app::ScanOutcome::Cancelled: return wxString::FromUTF8("✗ ") + _("Cancelled");
    // TRANSLATORS: the boarding banner; %s is the amount still due, e.g. "12,00 €"
    case app::ScanOutcome::Unpaid: return wxString::Format(_("Unpaid: %s to collect"), FormatMoney(result.due));
    case app::ScanOutcome::NotBoardable: return wxString::FromUTF8("✗ ") + _("Cannot board");
    case app::ScanOutcome::Unknown: return wxString::FromUTF8("✗ ") + _("Unknown reference");
    }
    return {};
}

wxString BookingWho(const app::BookingSummary& b)
{
    wxString who = wxString::FromUTF8(b.booking.ref.str()) + kDot + PartyLong(b.booking.party);
    if (!b.booking.customerName.empty()) who += kDot + wxString::FromUTF8(b.booking.customerName);
    // TRANSLATORS: where a booking goes: "2026-07-14 10:00 on Ill"
    who += kDot + wxString::Format(_("%s on %s"), wxString::FromUTF8(b.departure), wxString::FromUTF8(b.boatName));
    return who;
}

DeskBanner::DeskBanner(wxWindow* parent) : wxPanel(parent, wxID_ANY)
{
    m_title = new wxStaticText(this, wxID_ANY, wxString());
    wxFont title = GetFont().Bold();
    title.SetPointSize(22);
    m_title->SetFont(title);
    m_stamp = new wxStaticText(this, wxID_ANY, wxString());
    wxFont stamp = GetFont().Bold();
    stamp.SetPointSize(14);
    m_stamp->SetFont(stamp);
    m_who = new wxStaticText(this, wxID_ANY, wxString());
    wxFont who = GetFont().Bold();
    who.SetPointSize(16);
    m_who->SetFont(who);
    m_detail = new wxStaticText(this, wxID_ANY, wxString());
    wxFont detail = GetFont();
    detail.SetPointSize(15);
    m_detail->SetFont(detail);
    m_collect = new wxButton(this, wxID_ANY, _("&Collect now"));
    m_collect->SetFont(detail.Bold());
    m_collect->SetToolTip(_("Take the payment for this booking now"));
    m_collect->Hide();
    m_collect->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_ref && m_onCollect) m_onCollect(*m_ref);
    });

    auto* head = new wxBoxSizer(wxHORIZONTAL);
    head->Add(m_title, wxSizerFlags(1).CenterVertical());
    head->Add(m_stamp, wxSizerFlags().CenterVertical().Border(wxLEFT, FromDIP(12)));
    auto* text = new wxBoxSizer(wxVERTICAL);
    text->Add(head, wxSizerFlags().Expand());
    text->Add(m_who, wxSizerFlags().Expand().Border(wxTOP, FromDIP(4)));
    text->Add(m_detail, wxSizerFlags().Expand().Border(wxTOP, FromDIP(2)));
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(text, wxSizerFlags(1).CenterVertical().Border(wxALL, FromDIP(12)));
    row->Add(m_collect, wxSizerFlags().CenterVertical().Border(wxALL, FromDIP(12)));
    SetSizer(row);
    ShowIdle();
    // Wrapped at the width it had: wrapped again when the window is resized.
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        if (e.GetSize().x != m_wrappedAt) {
            m_wrappedAt = e.GetSize().x;
            CallAfter([this] { Rewrap(); });
        }
    });
}

void DeskBanner::SetTexts(const wxString& title, const wxString& who, const wxString& detail, const wxString& stamp)
{
    // Every line is set, empty ones too: nothing of the previous banner survives.
    m_title->SetLabel(title);
    m_stamp->SetLabel(stamp);
    m_whoText = who;
    m_detailText = detail;
    m_who->Show(!who.empty());
    Rewrap();
}

void DeskBanner::Rewrap()
{
    // A long reason wraps onto more lines and the banner grows to show all of it: nothing is cut.
    // As text, not as a label: a customer called "Roth & fils" keeps the "&".
    m_who->SetLabelText(m_whoText);
    m_detail->SetLabelText(m_detailText);
    const int width = GetClientSize().x - FromDIP(24) - (m_collect->IsShown() ? m_collect->GetSize().x + FromDIP(24) : 0);
    if (width > FromDIP(200)) {
        m_who->Wrap(width);
        m_detail->Wrap(width);
    }
    InvalidateBestSize();
    Layout();
    if (GetParent()) GetParent()->Layout();
}

void DeskBanner::Paint(const wxColour& background, const wxColour& text)
{
    SetBackgroundColour(background);
    for (wxStaticText* t : {m_title, m_stamp, m_who, m_detail}) t->SetForegroundColour(text);
    Layout();
    Refresh();
}

void DeskBanner::ShowIdle()
{
    m_outcome.reset();
    m_failure = false;
    m_ref.reset();
    m_collect->Hide();
    SetTexts(_("Ready to scan"), wxString(),
             _("Scan a ticket, or type a reference, a name, a phone number or an e-mail address."), wxString());
    Paint(wxColour(0xE8, 0xEE, 0xF4), wxColour(0x34, 0x49, 0x5E));
}

void DeskBanner::ShowResult(const app::ScanResult& result, const wxString& scanned, const wxString& time)
{
    ++m_scans;
    m_outcome = result.outcome;
    m_failure = false;
    m_ref.reset();
    if (result.booking) m_ref = result.booking->booking.ref;
    // Who: the booking when there is one, otherwise exactly what was scanned.
    const wxString who = result.booking ? BookingWho(*result.booking) : scanned;
    m_collect->Show(result.outcome == app::ScanOutcome::Unpaid && m_ref.has_value());
    // TRANSLATORS: the banner's stamp: the time of the scan and its number since the desk opened
    SetTexts(ScanHeadline(result), who, wxString::FromUTF8(result.message),
             wxString::Format(_("%s · scan %d"), time, m_scans));
    const BannerColours colours = ColoursOf(result.outcome);
    Paint(colours.background, colours.text);
}

void DeskBanner::ShowFailure(const wxString& scanned, const wxString& message, const wxString& time)
{
    ++m_scans;
    m_outcome.reset();
    m_failure = true;
    m_ref.reset();
    m_collect->Hide();
    SetTexts(wxString::FromUTF8("✗ ") + _("Not checked: scan it again"), scanned, message,
             wxString::Format(_("%s · scan %d"), time, m_scans));
    Paint(kRefused.background, kRefused.text);
}

void DeskBanner::ShowCollected(const wxString& who, const wxString& message, const wxString& time)
{
    // Still the same passenger: the stamp says when the money was taken, the scan number stays.
    m_outcome.reset();
    m_failure = false;
    m_collect->Hide();
    SetTexts(wxString::FromUTF8("✓ ") + _("Paid"), who, message, wxString::Format(_("%s · scan %d"), time, m_scans));
    Paint(wxColour(0x15, 0x65, 0xC0), *wxWHITE);
}

wxString DeskBanner::TitleText() const { return m_title->GetLabel(); }
wxString DeskBanner::WhoText() const { return m_whoText; }
wxString DeskBanner::DetailText() const { return m_whoText.empty() ? m_detailText : m_whoText + "\n" + m_detailText; }
wxString DeskBanner::TimeText() const { return m_stamp->GetLabel(); }

}  // namespace narcisse::ui
