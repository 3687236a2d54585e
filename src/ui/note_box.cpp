#include "ui/note_box.h"

#include <wx/dcbuffer.h>
#include <wx/graphics.h>
#include <wx/stattext.h>

#include <memory>

namespace narcisse::ui {

NoteBox::NoteBox(wxWindow* parent, const wxColour& fill, const wxColour& border)
    : wxPanel(parent, wxID_ANY), m_fill(fill), m_border(border)
{
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    m_text = new wxStaticText(this, wxID_ANY, wxString());
    m_text->SetForegroundColour(wxColour(0x23, 0x2F, 0x3E));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_text, wxSizerFlags().Expand().Border(wxALL, FromDIP(9)));
    SetSizer(sizer);
    Bind(wxEVT_PAINT, &NoteBox::OnPaint, this);
}

void NoteBox::SetText(const wxString& text)
{
    m_text->SetLabel(text);
    InvalidateBestSize();
}

wxString NoteBox::GetText() const
{
    return m_text->GetLabel();
}

void NoteBox::OnPaint(wxPaintEvent&)
{
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(GetParent()->GetBackgroundColour()));
    dc.Clear();
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc) return;
    const wxSize size = GetClientSize();
    gc->SetPen(wxPen(m_border, 1));
    gc->SetBrush(wxBrush(m_fill));
    gc->DrawRoundedRectangle(0.5, 0.5, size.x - 1.0, size.y - 1.0, FromDIP(5));
}

}  // namespace narcisse::ui
