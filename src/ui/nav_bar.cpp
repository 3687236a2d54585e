#include "ui/nav_bar.h"

#include <wx/dcbuffer.h>
#include <wx/graphics.h>

#include <memory>

namespace narcisse::ui {
namespace {

const wxColour kBackground(0xE9, 0xEE, 0xF3);
const wxColour kHover(0xDC, 0xE4, 0xEC);
const wxColour kSelected(0xFF, 0xFF, 0xFF);
const wxColour kAccent(0x1D, 0x5F, 0xAE);
const wxColour kText(0x2C, 0x3A, 0x4A);
const wxColour kEdge(0xC9, 0xD2, 0xDC);
constexpr int kIconDip = 28;

}  // namespace

NavBar::NavBar(wxWindow* parent) : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxFULL_REPAINT_ON_RESIZE)
{
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetFont(GetFont().Scaled(0.95f));
    Bind(wxEVT_PAINT, &NavBar::OnPaint, this);
    Bind(wxEVT_LEFT_DOWN, &NavBar::OnLeftDown, this);
    Bind(wxEVT_MOTION, &NavBar::OnMotion, this);
    Bind(wxEVT_LEAVE_WINDOW, &NavBar::OnLeave, this);
}

void NavBar::AddItem(const wxString& label, const wxBitmapBundle& icon, const wxString& tooltip)
{
    m_items.push_back({label, icon, tooltip});
    if (m_selection < 0) m_selection = 0;
    InvalidateBestSize();
    Refresh();
}

void NavBar::ShowItem(int index, bool shown)
{
    if (index < 0 || index >= static_cast<int>(m_items.size())) return;
    m_items[static_cast<std::size_t>(index)].shown = shown;
    m_hover = -1;
    InvalidateBestSize();
    Refresh();
}

bool NavBar::IsItemShown(int index) const
{
    return index >= 0 && index < static_cast<int>(m_items.size()) && m_items[static_cast<std::size_t>(index)].shown;
}

std::vector<int> NavBar::ShownItems() const
{
    std::vector<int> shown;
    for (std::size_t i = 0; i < m_items.size(); ++i)
        if (m_items[i].shown) shown.push_back(static_cast<int>(i));
    return shown;
}

void NavBar::Select(int index)
{
    if (!IsItemShown(index)) return;
    const bool changed = index != m_selection;
    m_selection = index;
    Refresh();
    if (changed && m_onSelect) m_onSelect(index);
}

std::vector<wxString> NavBar::Labels() const
{
    std::vector<wxString> labels;
    for (int i : ShownItems()) labels.push_back(wxStripMenuCodes(m_items[static_cast<std::size_t>(i)].label));
    return labels;
}

int NavBar::ItemHeight() const
{
    return FromDIP(kIconDip + 14) + GetCharHeight();
}

wxSize NavBar::DoGetBestClientSize() const
{
    int width = FromDIP(84);
    for (const Item& item : m_items)   // hidden ones too: the column keeps its width whoever signs in
        width = std::max(width, GetTextExtent(item.label).x + FromDIP(16));
    return wxSize(width, static_cast<int>(ShownItems().size()) * ItemHeight() + FromDIP(8));
}

int NavBar::ItemAt(const wxPoint& point) const
{
    const auto shown = ShownItems();
    const int row = (point.y - FromDIP(8)) / ItemHeight();
    return point.y >= FromDIP(8) && row < static_cast<int>(shown.size()) ? shown[static_cast<std::size_t>(row)] : -1;
}

void NavBar::OnPaint(wxPaintEvent&)
{
    wxAutoBufferedPaintDC dc(this);
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc) return;
    const wxSize size = GetClientSize();
    gc->SetPen(*wxTRANSPARENT_PEN);
    gc->SetBrush(wxBrush(kBackground));
    gc->DrawRectangle(0, 0, size.x, size.y);
    gc->SetBrush(wxBrush(kEdge));
    gc->DrawRectangle(size.x - 1, 0, 1, size.y);
    const int itemHeight = ItemHeight();
    const auto shown = ShownItems();
    for (std::size_t row = 0; row < shown.size(); ++row) {
        const int i = shown[row];
        const Item& item = m_items[static_cast<std::size_t>(i)];
        const int y = FromDIP(8) + static_cast<int>(row) * itemHeight;
        const bool selected = i == m_selection;
        if (selected || i == m_hover) {
            gc->SetBrush(wxBrush(selected ? kSelected : kHover));
            gc->DrawRoundedRectangle(FromDIP(6), y, size.x - FromDIP(12), itemHeight - FromDIP(4), FromDIP(6));
        }
        if (selected) {
            gc->SetBrush(wxBrush(kAccent));
            gc->DrawRoundedRectangle(FromDIP(2), y + FromDIP(10), FromDIP(4), itemHeight - FromDIP(24), FromDIP(2));
        }
        const wxBitmap icon = item.icon.GetBitmapFor(this);
        if (icon.IsOk()) {
            const double iconSize = FromDIP(kIconDip);
            gc->DrawBitmap(icon, (size.x - iconSize) / 2, y + FromDIP(6), iconSize, iconSize);
        }
        gc->SetFont(selected ? GetFont().Bold() : GetFont(), selected ? kAccent : kText);
        const wxString label = wxStripMenuCodes(item.label);
        double w = 0, h = 0;
        gc->GetTextExtent(label, &w, &h);
        gc->DrawText(label, (size.x - w) / 2, y + FromDIP(kIconDip + 8));
    }
}

void NavBar::OnLeftDown(wxMouseEvent& event)
{
    const int index = ItemAt(event.GetPosition());
    if (index >= 0) Select(index);
    event.Skip();
}

void NavBar::OnMotion(wxMouseEvent& event)
{
    const int index = ItemAt(event.GetPosition());
    if (index != m_hover) {
        m_hover = index;
        if (index >= 0)
            SetToolTip(m_items[static_cast<std::size_t>(index)].tooltip);
        else
            UnsetToolTip();
        Refresh();
    }
    event.Skip();
}

void NavBar::OnLeave(wxMouseEvent& event)
{
    m_hover = -1;
    Refresh();
    event.Skip();
}

}  // namespace narcisse::ui
