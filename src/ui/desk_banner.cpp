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
    return {wxColour(0xC6, 0x28, 0x28), *wxWHITE};
}

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

DeskBanner::DeskBanner(wxWindow* parent) : wxPanel(parent, wxID_ANY)
{
    m_title = new wxStaticText(this, wxID_ANY, wxString());
    wxFont title = GetFont().Bold();
    title.SetPointSize(22);
    m_title->SetFont(title);
    m_detail = new wxStaticText(this, wxID_ANY, wxString());
    wxFont detail = GetFont();
    detail.SetPointSize(16);
    m_detail->SetFont(detail);
    m_collect = new wxButton(this, wxID_ANY, _("&Collect now"));
    m_collect->SetFont(detail.Bold());
    m_collect->SetToolTip(_("Take the payment for this booking now"));
    m_collect->Hide();
    m_collect->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (m_ref && m_onCollect) m_onCollect(*m_ref);
    });

    auto* text = new wxBoxSizer(wxVERTICAL);
    text->Add(m_title);
    text->Add(m_detail, wxSizerFlags().Expand().Border(wxTOP, FromDIP(4)));
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
            CallAfter([this] { SetDetail(m_text); });
        }
    });
}

void DeskBanner::SetDetail(const wxString& text)
{
    // A long reason wraps onto more lines and the banner grows to show all of it: nothing is cut.
    m_text = text;
    m_detail->SetLabel(text);
    const int width = GetClientSize().x - FromDIP(24) - (m_collect->IsShown() ? m_collect->GetSize().x + FromDIP(24) : 0);
    if (width > FromDIP(200)) m_detail->Wrap(width);
    InvalidateBestSize();
    if (GetParent()) GetParent()->Layout();
}

void DeskBanner::Paint(const wxColour& background, const wxColour& text)
{
    SetBackgroundColour(background);
    m_title->SetForegroundColour(text);
    m_detail->SetForegroundColour(text);
    Layout();
    Refresh();
}

void DeskBanner::ShowIdle()
{
    m_outcome.reset();
    m_ref.reset();
    m_title->SetLabel(_("Ready to scan"));
    m_collect->Hide();
    SetDetail(_("Scan a ticket, or type a reference, a name, a phone number or an e-mail address."));
    Paint(wxColour(0xE8, 0xEE, 0xF4), wxColour(0x34, 0x49, 0x5E));
}

void DeskBanner::ShowResult(const app::ScanResult& result)
{
    m_outcome = result.outcome;
    m_ref.reset();
    if (result.booking) m_ref = result.booking->booking.ref;
    m_title->SetLabel(ScanHeadline(result));
    wxString detail = wxString::FromUTF8(result.message);
    // The use case's sentence names the booking most of the time; when it does not, add who it is.
    if (result.booking && !detail.Contains(wxString::FromUTF8(result.booking->booking.ref.str()))) {
        const auto& b = *result.booking;
        wxString who = wxString::FromUTF8(b.booking.ref.str()) + wxString::FromUTF8(" · ") + PartyLong(b.booking.party);
        if (!b.booking.customerName.empty()) who += wxString::FromUTF8(" · ") + wxString::FromUTF8(b.booking.customerName);
        who += wxString::FromUTF8(" · ") + wxString::FromUTF8(b.departure) + wxString::FromUTF8(" · ") +
               wxString::FromUTF8(b.boatName);
        detail += "\n" + who;
    }
    m_collect->Show(result.outcome == app::ScanOutcome::Unpaid && m_ref.has_value());
    SetDetail(detail);
    const BannerColours colours = ColoursOf(result.outcome);
    Paint(colours.background, colours.text);
}

wxString DeskBanner::TitleText() const { return m_title->GetLabel(); }
wxString DeskBanner::DetailText() const { return m_text; }

}  // namespace narcisse::ui
