// The boarding banner of the Desk view: what the last scan did, in a colour and a size a busy desk
// cannot miss (green boarded, amber already boarded, red refused, orange unpaid with "Collect now").
// It stays until the next scan.
#pragma once

#include "app/boarding.h"

#include <wx/panel.h>

#include <functional>
#include <optional>

class wxButton;
class wxStaticText;

namespace narcisse::ui {

class DeskBanner : public wxPanel {
public:
    explicit DeskBanner(wxWindow* parent);

    void ShowResult(const app::ScanResult& result);
    void ShowIdle();   // no scan yet: says what the field takes
    // "Collect now" on an unpaid booking: the handler gets that booking's reference.
    void SetOnCollect(std::function<void(const domain::PublicRef&)> handler) { m_onCollect = std::move(handler); }

    std::optional<app::ScanOutcome> Outcome() const { return m_outcome; }
    wxString TitleText() const;
    wxString DetailText() const;
    wxButton* CollectButton() const { return m_collect; }

private:
    void Paint(const wxColour& background, const wxColour& text);
    void SetDetail(const wxString& text);

    std::optional<app::ScanOutcome> m_outcome;
    wxString m_text;        // the detail before wrapping
    int m_wrappedAt = -1;
    std::optional<domain::PublicRef> m_ref;
    std::function<void(const domain::PublicRef&)> m_onCollect;
    wxStaticText* m_title = nullptr;
    wxStaticText* m_detail = nullptr;
    wxButton* m_collect = nullptr;
};

// The banner's headline for an outcome ("Boarded", "Unpaid: 24,00 € to collect", …).
wxString ScanHeadline(const app::ScanResult& result);

}  // namespace narcisse::ui
