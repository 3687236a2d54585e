// The column of views down the left of the main window (DESIGN.md §7). It lists only the views
// that exist and that the signed-in role may open; each is an icon over its name.
#pragma once

#include <wx/bmpbndl.h>
#include <wx/window.h>

#include <functional>
#include <vector>

namespace narcisse::ui {

class NavBar : public wxWindow {
public:
    explicit NavBar(wxWindow* parent);

    // Items keep the index they were added at, shown or not.
    void AddItem(const wxString& label, const wxBitmapBundle& icon, const wxString& tooltip);
    // A hidden item is neither drawn nor chosen; the others close up.
    void ShowItem(int index, bool shown);
    bool IsItemShown(int index) const;
    void Select(int index);   // a hidden item is not selected
    int Selection() const { return m_selection; }
    std::vector<wxString> Labels() const;   // of the items shown, top to bottom
    void SetOnSelect(std::function<void(int)> callback) { m_onSelect = std::move(callback); }

protected:
    wxSize DoGetBestClientSize() const override;

private:
    struct Item {
        wxString label;
        wxBitmapBundle icon;
        wxString tooltip;
        bool shown = true;
    };

    std::vector<int> ShownItems() const;   // indexes, top to bottom
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
