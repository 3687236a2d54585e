// A line of text in a softly tinted, rounded box: the demo hint and the first-launch notice.
#pragma once

#include <wx/panel.h>

class wxStaticText;

namespace narcisse::ui {

class NoteBox : public wxPanel {
public:
    NoteBox(wxWindow* parent, const wxColour& fill, const wxColour& border);
    void SetText(const wxString& text);
    wxString GetText() const;

private:
    void OnPaint(wxPaintEvent& event);

    wxColour m_fill;
    wxColour m_border;
    wxStaticText* m_text = nullptr;
};

}  // namespace narcisse::ui
