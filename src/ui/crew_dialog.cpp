#include "ui/crew_dialog.h"

#include "ui/format.h"
#include "ui/icons.h"

#include <wx/choice.h>
#include <wx/dnd.h>
#include <wx/listbox.h>
#include <wx/scrolwin.h>
#include <wx/statline.h>
#include <wx/stattext.h>

#include <algorithm>

namespace narcisse::ui {
namespace {

const wxColour kErrorColour(0xC5, 0x30, 0x30);
const wxColour kWarningColour(0xA8, 0x5B, 0x00);
const wxColour kMutedText(0x5F, 0x6B, 0x7A);
const wxColour kBodyText(0x23, 0x2F, 0x3E);
const wxColour kRowBackground(0xF8, 0xF9, 0xFB);
const wxColour kRowBorder(0xE1, 0xE6, 0xEC);

// A boat's row accepts an employee id dragged from the list of boatmen.
class BoatDropTarget : public wxTextDropTarget {
public:
    BoatDropTarget(CrewDialog* dialog, std::size_t row) : m_dialog(dialog), m_row(row) {}
    bool OnDropText(wxCoord, wxCoord, const wxString& text) override
    {
        // Not from inside the drag loop: the assignment goes to the worker once the drop is over.
        m_dialog->CallAfter([dialog = m_dialog, row = m_row, text] { dialog->AssignDropped(row, text); });
        return true;
    }

private:
    CrewDialog* m_dialog;
    std::size_t m_row;
};

wxString Name(const domain::Employee& e)
{
    return wxString::FromUTF8(e.name);
}

}  // namespace

CrewDialog::CrewDialog(wxWindow* parent, std::shared_ptr<Session> session, domain::LocalDate date)
    : wxDialog(parent, wxID_ANY, _("Crew"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_session(std::move(session)),
      m_date(date)
{
    SetIcons(GetAppIcons());
    BuildLayout();
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Close(); }, wxID_CLOSE);
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) {
        if (IsModal())
            EndModal(wxID_CLOSE);
        else
            Destroy();
    });
    Load();
}

void CrewDialog::BuildLayout()
{
    const int gap = FromDIP(12);
    auto* top = new wxBoxSizer(wxVERTICAL);

    // TRANSLATORS: the title of the crew dialog; %s is a long date, "Tuesday 14 July 2026"
    auto* title = new wxStaticText(this, wxID_ANY, wxString::Format(_("Crew of %s"), FormatLongDate(m_date)));
    title->SetFont(GetFont().Scaled(1.4f).Bold());
    title->SetForegroundColour(kBodyText);
    auto* hint = new wxStaticText(this, wxID_ANY,
                                  _("Choose each boat's boatman, or drag a name from the list onto a boat."));
    hint->SetForegroundColour(kMutedText);
    auto* header = new wxBoxSizer(wxVERTICAL);
    header->Add(title);
    header->Add(hint, wxSizerFlags().Border(wxTOP, FromDIP(4)));
    top->Add(header, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(18)));

    auto* body = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    auto* boatmenLabel = new wxStaticText(this, wxID_ANY, _("&Boatmen"));
    boatmenLabel->SetFont(GetFont().Bold());
    left->Add(boatmenLabel);
    m_boatmen = new wxListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(200, 300)));
    m_boatmen->SetToolTip(_("Drag a boatman onto a boat"));
    m_boatmen->Bind(wxEVT_MOTION, &CrewDialog::OnBoatmenDrag, this);
    left->Add(m_boatmen, wxSizerFlags(1).Expand().Border(wxTOP, FromDIP(6)));
    body->Add(left, wxSizerFlags().Expand());

    auto* right = new wxBoxSizer(wxVERTICAL);
    auto* boatsLabel = new wxStaticText(this, wxID_ANY, _("Boats"));
    boatsLabel->SetFont(GetFont().Bold());
    right->Add(boatsLabel);
    auto* scrolled = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(600, 580)), wxVSCROLL);
    scrolled->SetScrollRate(0, FromDIP(10));
    m_rowsPanel = scrolled;
    m_rowsPanel->SetSizer(new wxBoxSizer(wxVERTICAL));
    right->Add(m_rowsPanel, wxSizerFlags(1).Expand().Border(wxTOP, FromDIP(6)));
    body->Add(right, wxSizerFlags(1).Expand().Border(wxLEFT, gap));
    top->Add(body, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(18)));

    m_loadError = new wxStaticText(this, wxID_ANY, wxString());
    m_loadError->SetForegroundColour(kErrorColour);
    m_loadError->SetFont(GetFont().Bold());
    top->Add(m_loadError, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(18)));
    m_loadError->Hide();

    top->AddSpacer(gap);
    top->Add(new wxStaticLine(this), wxSizerFlags().Expand());
    auto* footer = new wxBoxSizer(wxHORIZONTAL);
    m_summary = new wxStaticText(this, wxID_ANY, _("Loading…"));
    m_summary->SetForegroundColour(kMutedText);
    footer->Add(m_summary, wxSizerFlags(1).CenterVertical());
    auto* close = new wxButton(this, wxID_CLOSE, _("&Close"));
    close->SetDefault();
    footer->Add(close, wxSizerFlags().CenterVertical().Border(wxLEFT, gap));
    top->Add(footer, wxSizerFlags().Expand().Border(wxALL, gap));

    SetSizerAndFit(top);
    SetEscapeId(wxID_CLOSE);
    CentreOnParent();
}

void CrewDialog::Load()
{
    ++m_pending;
    const auto date = m_date;
    const auto now = m_session->Now();
    RunOnWorker(
        *m_session->worker, this, [date, now](domain::Store& store) { return app::loadCrewDay(store, date, now); },
        [](CrewDialog& d, app::CrewDay day) {
            --d.m_pending;
            d.OnLoaded(std::move(day));
        },
        [](CrewDialog& d, const Failure& failure) {
            --d.m_pending;
            d.m_loadError->SetLabel(wxString::Format(_("The crew cannot be read: %s"), failure.message));
            d.m_loadError->Show();
            d.Layout();
        });
}

void CrewDialog::OnLoaded(app::CrewDay day)
{
    m_day = std::move(day);
    const bool firstLoad = !m_loaded;
    m_loaded = true;
    m_loadError->Hide();

    m_boatmen->Clear();
    m_boatmanIds.clear();
    for (const auto& e : m_day.boatmen) {
        m_boatmen->Append(Name(e));
        m_boatmanIds.push_back(e.id);
    }
    if (firstLoad) BuildRows();
    for (auto& row : m_rows) FillRow(row);

    const int warnings = static_cast<int>(m_day.warnings.size());
    const int crewed = static_cast<int>(m_day.crew.size());
    const int boats = static_cast<int>(m_rows.size());
    // TRANSLATORS: the crew dialog's summary: "6 of 8 boats have a boatman"
    wxString summary = wxString::Format(wxPLURAL("%d of %d boat has a boatman", "%d of %d boats have a boatman", boats),
                                        crewed, boats);
    if (warnings) summary += wxString(" · ") + wxString::Format(wxPLURAL("%d warning", "%d warnings", warnings), warnings);
    m_summary->SetLabel(summary);
    m_rowsPanel->FitInside();
    Layout();
}

void CrewDialog::BuildRows()
{
    auto* sizer = m_rowsPanel->GetSizer();
    for (std::size_t i = 0; i < m_day.boats.size(); ++i) {
        Row row;
        row.boat = m_day.boats[i];
        row.panel = new wxPanel(m_rowsPanel, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_SIMPLE);
        row.panel->SetBackgroundColour(kRowBackground);
        row.panel->SetDropTarget(new BoatDropTarget(this, i));

        auto* line = new wxBoxSizer(wxHORIZONTAL);
        auto* swatch = new wxPanel(row.panel, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(6, 30)));
        swatch->SetBackgroundColour(wxColour(wxString::FromUTF8(row.boat.colour)));
        line->Add(swatch, wxSizerFlags().Expand());

        auto* names = new wxBoxSizer(wxVERTICAL);
        auto* name = new wxStaticText(row.panel, wxID_ANY, wxString::FromUTF8(row.boat.name));
        name->SetFont(GetFont().Bold());
        name->SetForegroundColour(kBodyText);
        row.bookings = new wxStaticText(row.panel, wxID_ANY, wxString());
        row.bookings->SetForegroundColour(kMutedText);
        row.bookings->SetFont(GetFont().Smaller());
        names->Add(name);
        names->Add(row.bookings);
        line->Add(names, wxSizerFlags(1).CenterVertical().Border(wxLEFT, FromDIP(10)));

        row.choice = new wxChoice(row.panel, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(200, -1)));
        row.choice->SetName(wxString::FromUTF8(row.boat.name));
        row.choice->Bind(wxEVT_CHOICE, [this, i](wxCommandEvent&) { OnChoice(i); });
        line->Add(row.choice, wxSizerFlags().CenterVertical().Border(wxALL, FromDIP(6)));

        auto* column = new wxBoxSizer(wxVERTICAL);
        column->Add(line, wxSizerFlags().Expand());
        row.message = new wxStaticText(row.panel, wxID_ANY, wxString());
        auto* messageLine = new wxBoxSizer(wxHORIZONTAL);
        messageLine->AddSpacer(FromDIP(16));   // under the boat's name, past its colour
        messageLine->Add(row.message, wxSizerFlags(1));
        column->Add(messageLine, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(6)));
        row.message->Hide();
        row.panel->SetSizer(column);
        sizer->Add(row.panel, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(4)));
        m_rows.push_back(std::move(row));
    }
}

void CrewDialog::FillRow(Row& row)
{
    const std::size_t index = static_cast<std::size_t>(&row - m_rows.data());
    const int bookings = index < m_day.bookings.size() ? m_day.bookings[index] : 0;
    row.bookings->SetLabel(bookings ? wxString::Format(wxPLURAL("%d booking today", "%d bookings today", bookings), bookings)
                                    : _("no booking"));

    const domain::Employee* boatman = m_day.boatmanOf(row.boat.id);
    row.current = boatman ? std::optional(boatman->id) : std::nullopt;
    row.choice->Clear();
    row.choices.clear();
    row.choice->Append(_("— no boatman —"));
    int selected = 0;
    for (const auto& e : m_day.boatmen) {
        row.choices.push_back(e.id);
        row.choice->Append(Name(e));
        if (boatman && e.id == boatman->id) selected = static_cast<int>(row.choices.size());
    }
    // Someone who has since left the staff stays shown where they were put, so the row tells the truth.
    if (boatman && selected == 0) {
        row.choices.push_back(boatman->id);
        row.choice->Append(Name(*boatman));
        selected = static_cast<int>(row.choices.size());
    }
    row.choice->SetSelection(selected);
    row.choice->Enable(true);

    wxString message = row.refusal;
    wxColour colour = kErrorColour;
    if (message.empty()) {
        colour = kWarningColour;
        for (const auto& w : m_day.warnings) {
            if (w.boatId != row.boat.id) continue;
            if (!message.empty()) message += "\n";
            if (w.kind == domain::CrewWarning::Kind::NoBoatman) {
                message += _("⚠ This boat has bookings and no boatman.");
                continue;
            }
            wxString others;
            for (const auto& a : m_day.crew)
                if (w.employeeId && a.employeeId == *w.employeeId && a.boatId != row.boat.id)
                    for (const auto& b : m_day.boats)
                        if (b.id == a.boatId) others += (others.empty() ? "" : ", ") + wxString::FromUTF8(b.name);
            // TRANSLATORS: a crew warning; %s is a boatman's name, then the other boats' names
            message += wxString::Format(_("⚠ %s is also on %s at the same time."), boatman ? Name(*boatman) : wxString(),
                                        others);
        }
    }
    row.message->SetForegroundColour(colour);
    row.message->SetLabel(message);
    row.message->Show(!message.empty());
    row.panel->Layout();
}

void CrewDialog::OnChoice(std::size_t index)
{
    Row& row = m_rows[index];
    const int selection = row.choice->GetSelection();
    std::optional<domain::Uuid> chosen;
    if (selection > 0) chosen = row.choices[static_cast<std::size_t>(selection - 1)];
    if (chosen == row.current) return;
    Assign(index, chosen);
}

void CrewDialog::AssignDropped(std::size_t row, const wxString& employeeId)
{
    if (row >= m_rows.size() || m_pending) return;
    const auto id = domain::Uuid::parse(employeeId.utf8_string());
    if (!id || *id == m_rows[row].current) return;
    Assign(row, *id);
}

void CrewDialog::Assign(std::size_t index, std::optional<domain::Uuid> employee)
{
    Row& row = m_rows[index];
    row.refusal.clear();
    row.choice->Enable(false);
    ++m_pending;
    const auto clock = m_session->clock;
    const auto date = m_date;
    const auto boat = row.boat.id.str();
    const bool replace = row.current.has_value();
    const std::optional<domain::Uuid> acting =
        m_session->employee ? std::optional(m_session->employee->id) : std::nullopt;
    RunOnWorker(
        *m_session->worker, this,
        [=](domain::Store& store) {
            if (!employee) return app::unassignBoatman(store, *clock, date, boat, acting);
            app::CrewRequest request{date, boat, employee->str(), replace, acting};
            return app::assignBoatman(store, *clock, request);
        },
        [index](CrewDialog& d, app::CrewChange change) {
            --d.m_pending;
            d.OnChanged(index, std::move(change));
        },
        [index](CrewDialog& d, const Failure& failure) {
            --d.m_pending;
            d.OnRefused(index, failure);
        });
}

void CrewDialog::OnChanged(std::size_t, app::CrewChange)
{
    // Every row's warnings may change (a boatman leaving one boat for another): read the day again.
    Load();
    if (m_onChanged) m_onChanged();
}

void CrewDialog::OnRefused(std::size_t index, const Failure& failure)
{
    m_rows[index].refusal = failure.message;
    Load();   // the row goes back to what the store holds, with the reason under it
}

void CrewDialog::OnBoatmenDrag(wxMouseEvent& event)
{
    event.Skip();
    if (!event.Dragging() || !event.LeftIsDown() || m_pending) return;
    const int item = m_boatmen->GetSelection();
    if (item == wxNOT_FOUND || static_cast<std::size_t>(item) >= m_boatmanIds.size()) return;
    wxTextDataObject data(wxString::FromUTF8(m_boatmanIds[static_cast<std::size_t>(item)].str()));
    wxDropSource source(data, m_boatmen);
    source.DoDragDrop(wxDrag_CopyOnly);
}

wxString CrewDialog::BoatName(std::size_t row) const
{
    return wxString::FromUTF8(m_rows[row].boat.name);
}

wxString CrewDialog::BoatmanShown(std::size_t row) const
{
    const int selection = m_rows[row].choice->GetSelection();
    return selection > 0 ? m_rows[row].choice->GetString(static_cast<unsigned>(selection)) : wxString();
}

wxString CrewDialog::RowMessage(std::size_t row) const
{
    return m_rows[row].message->IsShown() ? m_rows[row].message->GetLabel() : wxString();
}

CrewDialog* ShowCrewDialog(wxWindow* parent, std::shared_ptr<Session> session, domain::LocalDate date)
{
    auto* dialog = new CrewDialog(parent, std::move(session), date);
    dialog->Show();
    return dialog;
}

}  // namespace narcisse::ui
