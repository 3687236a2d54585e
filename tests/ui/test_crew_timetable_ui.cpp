// The crew and timetable dialogs driven for real under Xvfb on the demo season: assign boatmen and
// see the warnings and refusals on the boats' rows; try a timetable change that would strand
// bookings and see them listed. Screenshots: crew_dialog.png, timetable_dialog.png.
#include <catch2/catch.hpp>

#include "ui_support.h"

#include "ui/crew_dialog.h"
#include "ui/sign_in_dialog.h"
#include "ui/timetable_dialog.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/textctrl.h>

using namespace narcisse;
using namespace std::chrono_literals;

namespace {

constexpr domain::LocalDate kBastilleDay{date::year{2026}, date::July, date::day{14}};

void Click(wxButton* button)
{
    wxCommandEvent click(wxEVT_BUTTON, button->GetId());
    click.SetEventObject(button);
    button->GetEventHandler()->ProcessEvent(click);
}

// What a user picking a name in a boat's list does.
void Choose(wxChoice* choice, const wxString& name)
{
    const int item = choice->FindString(name);
    REQUIRE(item != wxNOT_FOUND);
    choice->SetSelection(item);
    wxCommandEvent event(wxEVT_CHOICE, choice->GetId());
    event.SetEventObject(choice);
    event.SetInt(item);
    choice->GetEventHandler()->ProcessEvent(event);
}

std::shared_ptr<ui::Session> SignedInAsClaire()
{
    auto session = test::DemoSession();
    auto* dialog = new ui::SignInDialog(nullptr, session);
    dialog->Show();
    REQUIRE(test::PumpUntil([dialog] { return !dialog->IsBusy(); }));
    REQUIRE(dialog->IsReady());
    dialog->LoginField()->SetValue("claire");
    dialog->PasswordField()->SetValue("narcisse");
    Click(dialog->SignInButton());
    REQUIRE(test::PumpUntil([&session] { return session->employee.has_value(); }));
    dialog->Destroy();
    return session;
}

template <typename Dialog>
void Settle(Dialog* dialog)
{
    REQUIRE(test::PumpUntil([dialog] { return dialog->IsLoaded() && !dialog->IsBusy(); }));
}

}  // namespace

TEST_CASE("the crew dialog assigns a boatman, warns about a boatman on two boats and shows a refusal", "[ui][crew]")
{
    auto session = SignedInAsClaire();
    auto* dialog = ui::ShowCrewDialog(nullptr, session, kBastilleDay);
    dialog->Move(0, 0);
    Settle(dialog);
    REQUIRE(dialog->RowCount() == 8);
    CHECK(dialog->BoatName(0) == "Lauch");
    CHECK(dialog->BoatName(1) == "Ill");
    CHECK(dialog->Boatmen()->GetCount() == 7);   // the active staff members of the demo
    // A busy summer day and nobody crewed yet: every boat with bookings says so.
    CHECK(dialog->BoatmanShown(0).empty());
    CHECK(dialog->RowMessage(0) == "⚠ This boat has bookings and no boatman.");

    int changes = 0;
    dialog->SetOnChanged([&changes] { ++changes; });
    Choose(dialog->BoatmanChoice(0), "Lucas Fischer");
    Settle(dialog);
    CHECK(changes == 1);
    CHECK(dialog->BoatmanShown(0) == "Lucas Fischer");
    CHECK(dialog->RowMessage(0).empty());

    // Lucas on Ill as well: allowed, and both rows say so.
    Choose(dialog->BoatmanChoice(1), "Lucas Fischer");
    Settle(dialog);
    CHECK(dialog->BoatmanShown(1) == "Lucas Fischer");
    CHECK(dialog->RowMessage(0) == "⚠ Lucas Fischer is also on Ill at the same time.");
    CHECK(dialog->RowMessage(1) == "⚠ Lucas Fischer is also on Lauch at the same time.");

    // Ill's boatman replaced by Hugo: the warning goes away.
    Choose(dialog->BoatmanChoice(1), "Hugo Weber");
    Settle(dialog);
    CHECK(dialog->BoatmanShown(1) == "Hugo Weber");
    CHECK(dialog->RowMessage(0).empty());

    // A manager dropped on a boat (a drag from elsewhere) is refused with the reason, nothing changes.
    dialog->AssignDropped(2, wxString::FromUTF8(session->employee->id.str()));
    Settle(dialog);
    CHECK(dialog->RowMessage(2) == "Claire Meyer is manager, not a boatman (staff role)");
    CHECK(dialog->BoatmanShown(2).empty());

    test::SaveScreenshot(dialog, "crew_dialog");

    // Leave the shared demo day as it was for the other tests.
    Choose(dialog->BoatmanChoice(0), _("— no boatman —"));
    Settle(dialog);
    Choose(dialog->BoatmanChoice(1), _("— no boatman —"));
    Settle(dialog);
    CHECK(dialog->BoatmanShown(0).empty());
    CHECK(dialog->BoatmanShown(1).empty());
    dialog->Destroy();
    test::Pump(50ms);
}

TEST_CASE("the timetable dialog names a bad field and lists the bookings a change would strand", "[ui][crew]")
{
    auto session = SignedInAsClaire();
    auto* dialog = ui::ShowTimetableDialog(nullptr, session);
    dialog->Move(0, 0);
    Settle(dialog);
    const auto& rules = dialog->Overview().rules;
    REQUIRE(rules.size() >= 3);
    const auto summer = std::find_if(rules.begin(), rules.end(), [](const domain::TimetableRule& r) {
        return r.validFrom <= kBastilleDay && kBastilleDay <= r.validTo;
    });
    REQUIRE(summer != rules.end());
    const auto summerIndex = static_cast<std::size_t>(summer - rules.begin());   // the list reloads after each change
    dialog->SelectSeason(static_cast<long>(summerIndex));
    CHECK(dialog->LastDepartureField()->GetValue() == "20:00");
    CHECK(dialog->Overview().departures.departures.size() == 31);   // today, 14 July

    // A last departure that is no time of day: said, and the field pointed at.
    dialog->LastDepartureField()->SetValue("25:00");
    Click(dialog->SaveSeasonButton());
    CHECK(dialog->HighlightedField() == dialog->LastDepartureField());
    CHECK(dialog->ErrorText() == "last departure: \"25:00\" is not a time of day");

    // Cancelling this afternoon's 17:00 departure would strand its passengers: refused, listed.
    dialog->LastDepartureField()->SetValue("20:00");
    dialog->ChangeTimeField()->SetValue("17:00");
    dialog->ChangeNoteField()->SetValue("Crue de la Lauch");
    Click(dialog->CancelDepartureButton());
    Settle(dialog);
    CHECK(dialog->ErrorText() == "This change would take away departures that hold bookings.");
    const auto stranded = dialog->StrandedShown();
    REQUIRE_FALSE(stranded.empty());
    for (const auto& b : stranded) {
        CHECK(b.date == kBastilleDay);
        CHECK(b.time == domain::Minutes{17 * 60});
    }
    CHECK(dialog->Overview().departures.departures.size() == 31);   // nothing was written
    test::SaveScreenshot(dialog, "timetable_dialog");

    // Shortening the summer to end at 15:00 strands far more, from today on only.
    dialog->LastDepartureField()->SetValue("15:00");
    Click(dialog->SaveSeasonButton());
    Settle(dialog);
    const auto many = dialog->StrandedShown();
    CHECK(many.size() > stranded.size());
    CHECK(std::all_of(many.begin(), many.end(), [](const app::StrandedBooking& b) { return b.date >= kBastilleDay; }));
    CHECK(dialog->Overview().rules[summerIndex].lastDeparture ==
          domain::Minutes{20 * 60});
    dialog->Destroy();
    test::Pump(50ms);
}
