// The boarding banner of the Desk view: what the last scan did, in a colour and a size a busy desk
// cannot miss (green boarded, amber already boarded, red refused, orange unpaid with "Collect now").
// Each scan replaces the whole banner — outcome, who, reason — and stamps it with its time and its
// number, so the banner of the previous passenger can never pass for the current one's.
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

    // `scanned` is the text as it came from the scanner, `time` the stamp ("14:30:05").
    void ShowResult(const app::ScanResult& result, const wxString& scanned, const wxString& time);
    // The scan could not be checked at all (the database did not answer, …): says so, in red.
    void ShowFailure(const wxString& scanned, const wxString& message, const wxString& time);
    // Payment taken for the booking the banner shows: it no longer asks for money.
    void ShowCollected(const wxString& who, const wxString& message, const wxString& time);
    void ShowIdle();   // no scan yet: says what the field takes
    // "Collect now" on an unpaid booking: the handler gets that booking's reference.
    void SetOnCollect(std::function<void(const domain::PublicRef&)> handler) { m_onCollect = std::move(handler); }

    std::optional<app::ScanOutcome> Outcome() const { return m_outcome; }
    bool IsFailure() const { return m_failure; }
    std::optional<domain::PublicRef> Reference() const { return m_ref; }
    int ScanNumber() const { return m_scans; }
    wxString TitleText() const;
    wxString WhoText() const;
    wxString DetailText() const;   // who, then the reason
    wxString TimeText() const;
    wxButton* CollectButton() const { return m_collect; }

private:
    void Paint(const wxColour& background, const wxColour& text);
    void SetTexts(const wxString& title, const wxString& who, const wxString& detail, const wxString& stamp);
    void Rewrap();

    std::optional<app::ScanOutcome> m_outcome;
    bool m_failure = false;
    int m_scans = 0;
    wxString m_whoText;      // before wrapping
    wxString m_detailText;
    int m_wrappedAt = -1;
    std::optional<domain::PublicRef> m_ref;
    std::function<void(const domain::PublicRef&)> m_onCollect;
    wxStaticText* m_title = nullptr;
    wxStaticText* m_stamp = nullptr;
    wxStaticText* m_who = nullptr;
    wxStaticText* m_detail = nullptr;
    wxButton* m_collect = nullptr;
};

// The banner's headline for an outcome ("Boarded", "Unpaid: 24,00 € to collect", …).
wxString ScanHeadline(const app::ScanResult& result);

// "SN-… · 2 adults · Anne Muller · 10:00 on Ill": who a booking is, on one line.
wxString BookingWho(const app::BookingSummary& booking);

}  // namespace narcisse::ui
