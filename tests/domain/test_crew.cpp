// Crew: who may row, and what the planning warns about (boats booked without a boatman, a boatman
// on two boats at once), with the exact sentences the staff read.
#include "domain/crew.h"

#include "domain_test_support.h"

#include <catch2/catch.hpp>

using namespace narcisse::domain;
using namespace narcisse::domain::test;

namespace {

Employee person(const char* login, const char* name, Role role = Role::Staff, bool active = true) {
    return {Uuid::generate(), login, name, role, active, "", ""};
}

Boat boat(const char* name, int order) { return {Uuid::generate(), name, 12, BoatStatus::InService, "#1F77B4", order}; }

CrewAssignment rows(const Boat& b, const Employee& e) { return {Uuid::generate(), day(2026, 7, 14), b.id, e.id}; }

std::vector<std::string> messages(const std::vector<CrewWarning>& warnings) {
    std::vector<std::string> out;
    for (const auto& w : warnings) out.push_back(w.message);
    return out;
}

}  // namespace

TEST_CASE("Only active staff members may row, and a refusal says why", "[domain][crew]") {
    CHECK_FALSE(crewRefusal(person("lucas", "Lucas Fischer")).has_value());
    CHECK(crewRefusal(person("lea", "Léa Bauer", Role::Staff, false)) == "Léa Bauer is no longer active");
    CHECK(crewRefusal(person("claire", "Claire Meyer", Role::Manager)) ==
          "Claire Meyer is manager, not a boatman (staff role)");
    CHECK(crewRefusal(person("nathalie", "Nathalie Schmitt", Role::Accountant)) ==
          "Nathalie Schmitt is accountant, not a boatman (staff role)");
    CHECK(crewRefusal(person("mathieu", "Mathieu Kieffer", Role::Admin)) ==
          "Mathieu Kieffer is admin, not a boatman (staff role)");
    // Leaving the company is said first: it is what the desk can do nothing about.
    CHECK(crewRefusal(person("sophie", "Sophie Walter", Role::Manager, false)) == "Sophie Walter is no longer active");
}

TEST_CASE("A boat with bookings and no boatman is warned about; an empty one is not", "[domain][crew]") {
    const Boat ill = boat("Ill", 1);
    const Boat lauch = boat("Lauch", 2);
    const Boat thur = boat("Thur", 3);
    const Employee lucas = person("lucas", "Lucas Fischer");
    const auto warnings = crewWarnings({ill, lauch, thur}, {lucas}, {rows(ill, lucas)}, {ill.id, lauch.id});
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].kind == CrewWarning::Kind::NoBoatman);
    CHECK(warnings[0].boatId == lauch.id);
    CHECK_FALSE(warnings[0].employeeId.has_value());
    CHECK(warnings[0].message == "Lauch has bookings and no boatman");
}

TEST_CASE("A boatman on two boats is warned about on each of them", "[domain][crew]") {
    const Boat ill = boat("Ill", 1);
    const Boat lauch = boat("Lauch", 2);
    const Employee lucas = person("lucas", "Lucas Fischer");
    const auto warnings = crewWarnings({ill, lauch}, {lucas}, {rows(ill, lucas), rows(lauch, lucas)}, {});
    CHECK(messages(warnings) == std::vector<std::string>{"Lucas Fischer is on Ill and on Lauch at once",
                                                         "Lucas Fischer is on Lauch and on Ill at once"});
    REQUIRE(warnings.size() == 2);
    CHECK(warnings[0].kind == CrewWarning::Kind::TwoBoats);
    CHECK(warnings[0].boatId == ill.id);
    CHECK(warnings[0].employeeId == lucas.id);
    CHECK(warnings[1].boatId == lauch.id);
}

TEST_CASE("A fully crewed day has no warning", "[domain][crew]") {
    const Boat ill = boat("Ill", 1);
    const Boat lauch = boat("Lauch", 2);
    const Employee lucas = person("lucas", "Lucas Fischer");
    const Employee hugo = person("hugo", "Hugo Weber");
    CHECK(crewWarnings({ill, lauch}, {lucas, hugo}, {rows(ill, lucas), rows(lauch, hugo)}, {ill.id, lauch.id}).empty());
}

TEST_CASE("An assignment of someone the list does not know still names the problem", "[domain][crew]") {
    const Boat ill = boat("Ill", 1);
    const Boat lauch = boat("Lauch", 2);
    const Employee ghost = person("ghost", "Ghost");
    CHECK(messages(crewWarnings({ill, lauch}, {}, {rows(ill, ghost), rows(lauch, ghost)}, {})) ==
          std::vector<std::string>{"an unknown employee is on Ill and on Lauch at once",
                                   "an unknown employee is on Lauch and on Ill at once"});
}
