// The Today view: the day at a glance (app::loadToday), the departures on the left and what needs
// attention on the right, section by section, each line coloured by how serious it is. A click or
// Enter on a line hands its target to whoever navigates (SetOnOpen). It reloads like the planning:
// the store's change stamp is polled every second on the worker, and every minute the day is read
// again so "expires in N minutes" stays true.
#pragma once

#include "app/today.h"
#include "ui/async.h"
#include "ui/session.h"

#include <wx/panel.h>
#include <wx/scrolwin.h>
#include <wx/timer.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

class wxStaticText;

namespace narcisse::ui {

using TodayOpen = std::function<void(const app::TodayTarget&)>;

// A list of sections drawn by hand: a heading with its count, then one row per line with a severity
// mark. Rows are selectable with the mouse and the arrow keys; a click or Enter opens the row.
class TodayList : public wxScrolledCanvas {
public:
    struct Section {
        wxString title;
        std::vector<app::TodayLine> lines;
        wxString emptyText;   // shown when there is no line
        int count = 0;        // shown beside the title
    };

    explicit TodayList(wxWindow* parent);
    // Keeps the selected line (found again by its kind and target) when it is still there.
    void SetSections(std::vector<Section> sections);
    void SetOnOpen(TodayOpen open) { m_onOpen = std::move(open); }

    int RowCount() const { return static_cast<int>(m_rows.size()); }
    wxString RowText(int row) const { return m_rows[static_cast<std::size_t>(row)].text; }
    bool IsHeading(int row) const { return m_rows[static_cast<std::size_t>(row)].type == RowType::Heading; }
    const app::TodayLine* LineAt(int row) const;
    wxRect RowRect(int row) const;   // in client coordinates (scrolling applied)
    std::optional<int> Selected() const { return m_selected; }
    std::vector<wxString> Headings() const;   // "Crew (2)", …

private:
    enum class RowType { Heading, Line, Empty };
    struct Row {
        RowType type;
        wxString text;
        int count = 0;
        app::Severity severity = app::Severity::Info;   // a heading: its worst line
        std::optional<app::TodayLine> line;
    };

    void OnPaint(wxPaintEvent& event);
    void OnLeftDown(wxMouseEvent& event);
    void OnMotion(wxMouseEvent& event);
    void OnKeyDown(wxKeyEvent& event);
    void Select(int row);
    void Open(int row);
    std::optional<int> RowAt(wxPoint client) const;
    int RowTop(int row) const;
    int RowHeight(int row) const;
    void UpdateVirtualSize();

    std::vector<Row> m_rows;
    std::optional<int> m_selected;
    std::optional<int> m_hover;
    TodayOpen m_onOpen;
};

class TodayPanel : public wxPanel {
public:
    TodayPanel(wxWindow* parent, std::shared_ptr<Session> session);

    void ShowDate(domain::LocalDate date);
    void Reload();
    void SetOnOpen(TodayOpen open);

    domain::LocalDate Date() const { return m_date; }
    bool IsLoaded() const { return m_loaded; }
    std::shared_ptr<const app::TodaySummary> Summary() const { return m_summary; }
    TodayList* Departures() const { return m_departures; }
    TodayList* Attention() const { return m_attention; }
    wxString TitleText() const;
    wxString StatusText() const;
    std::uint64_t LiveReloads() const { return m_liveReloads; }
    int WaitingMessages() const { return m_waitingMessages; }   // customer messages not sent yet

private:
    struct Loaded {
        app::TodaySummary summary;
        std::int64_t stamp = 0;   // Store::changeStamp() read before the day
    };

    void BuildLayout();
    void Load(bool quiet);
    void OnLoaded(std::uint64_t generation, Loaded loaded);
    void OnLoadFailed(std::uint64_t generation, const Failure& failure);
    void OnPoll(wxTimerEvent& event);
    void OnMinute(wxTimerEvent& event);

    std::shared_ptr<Session> m_session;
    domain::LocalDate m_date;
    std::shared_ptr<const app::TodaySummary> m_summary;
    std::uint64_t m_generation = 0;
    bool m_loaded = false;
    wxTimer m_poll;
    wxTimer m_minute;
    bool m_polling = false;
    std::optional<std::int64_t> m_stamp;
    std::uint64_t m_liveReloads = 0;
    int m_waitingMessages = 0;

    wxStaticText* m_title = nullptr;
    wxStaticText* m_status = nullptr;
    TodayList* m_departures = nullptr;
    TodayList* m_attention = nullptr;
};

}  // namespace narcisse::ui
