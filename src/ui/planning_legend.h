// The key to the planning's colours, drawn with the same style as the grid.
#pragma once

#include <wx/window.h>

namespace narcisse::ui {

class PlanningLegend : public wxWindow {
public:
    explicit PlanningLegend(wxWindow* parent);

protected:
    wxSize DoGetBestClientSize() const override;

private:
    void OnPaint(wxPaintEvent& event);
};

}  // namespace narcisse::ui
