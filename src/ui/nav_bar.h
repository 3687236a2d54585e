// The column of views down the left of the main window (DESIGN.md §7). It lists only the views
// that exist; each is an icon over its name.
#pragma once

#include <wx/bmpbndl.h>
#include <wx/window.h>

#include <functional>
#include <vector>

namespace narcisse::ui {

class NavBar : public wxWindow {
public:
    explicit NavBar(wxWindow* parent);

    void AddItem(const wxString& label, const wxBitmapBundle& icon, const wxString& tooltip);
    void Select(int index);
    int Selection() const { return m_selection; }
    std::vector<wxString> Labels() const;
    void SetOnSelect(std::function<void(int)> callback) { m_onSelect = std::move(callback); }

protected:
    wxSize DoGetBestClientSize() const override;

private:
    struct Item {
        wxString label;
        wxBitmapBundle icon;
        wxString tooltip;
    };

    int ItemHeight() const;
    int ItemAt(const wxPoint& point) const;
    void OnPaint(wxPaintEvent& event);
    void OnLeftDown(wxMouseEvent& event);
    void OnMotion(wxMouseEvent& event);
    void OnLeave(wxMouseEvent& event);

    std::vector<Item> m_items;
    int m_selection = -1;
    int m_hover = -1;
    std::function<void(int)> m_onSelect;
};

}  // namespace narcisse::ui
