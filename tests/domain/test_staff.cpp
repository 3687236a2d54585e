// Staff: roles, the permission table role × action, and employee records.
#include "domain/errors.h"
#include "domain/staff.h"

#include "domain_test_support.h"

#include <catch2/catch.hpp>

#include <set>

using namespace narcisse::domain;
using namespace narcisse::domain::test;
using A = Action;

namespace {
const std::vector<Role> kRoles = {Role::Admin, Role::Manager, Role::Accountant, Role::Staff};

// The table written out in full, so any change to a role's rights shows up here.
const std::set<Action>& allowedFor(Role role) {
    static const std::set<Action> admin(allActions().begin(), allActions().end());
    static const std::set<Action> manager = {
        A::ViewPlanning,   A::SellRide,    A::BoardPassenger, A::MoveBooking,      A::CancelBooking,
        A::RefundPayment,  A::EditTimetable, A::ManageClosures, A::ManageFleet,    A::ViewAccounting,
        A::ExportAccounting, A::CloseDay,  A::ViewAuditLog,  A::ManageCash,     A::ExtendVoucher};
    static const std::set<Action> accountant = {A::ViewPlanning, A::ViewAccounting, A::ExportAccounting,
                                                A::CloseDay, A::ViewAuditLog};
    static const std::set<Action> staff = {A::ViewPlanning, A::SellRide, A::BoardPassenger};
    switch (role) {
        case Role::Admin: return admin;
        case Role::Manager: return manager;
        case Role::Accountant: return accountant;
        case Role::Staff: return staff;
    }
    return staff;
}

Employee employee() {
    Employee e;
    e.id = Uuid::generate();
    e.login = "mdupont";
    e.name = "Marie Dupont";
    e.role = Role::Manager;
    return e;
}
}  // namespace

TEST_CASE("Every action is listed once with a distinct name", "[domain][staff]") {
    const auto& all = allActions();
    CHECK(all.size() == 17);
    std::set<std::string_view> names;
    for (Action a : all) {
        CHECK_FALSE(toString(a).empty());
        names.insert(toString(a));
    }
    CHECK(names.size() == all.size());
    CHECK(toString(A::RefundPayment) == "refund_payment");
    CHECK(toString(A::ManageStaff) == "manage_staff");
}

TEST_CASE("The permission table, role by action", "[domain][staff]") {
    for (Role role : kRoles) {
        for (Action action : allActions()) {
            INFO(toString(role) << " / " << toString(action));
            CHECK(isAllowed(role, action) == (allowedFor(role).count(action) == 1));
        }
    }
    // The rules a user notices first.
    for (Action action : allActions()) CHECK(isAllowed(Role::Admin, action));
    CHECK_FALSE(isAllowed(Role::Manager, A::ManageStaff));
    CHECK_FALSE(isAllowed(Role::Manager, A::EditSettings));
    CHECK(isAllowed(Role::Manager, A::RefundPayment));
    CHECK_FALSE(isAllowed(Role::Staff, A::RefundPayment));
    CHECK_FALSE(isAllowed(Role::Staff, A::CancelBooking));
    CHECK(isAllowed(Role::Staff, A::BoardPassenger));
    CHECK_FALSE(isAllowed(Role::Accountant, A::SellRide));
    CHECK(isAllowed(Role::Accountant, A::ExportAccounting));
}

TEST_CASE("requirePermission refuses with the role and the action", "[domain][staff]") {
    CHECK_NOTHROW(requirePermission(Role::Staff, A::SellRide));
    CHECK_NOTHROW(requirePermission(Role::Admin, A::ManageStaff));
    CHECK_THROWS_AS(requirePermission(Role::Staff, A::RefundPayment), PermissionDenied);
    CHECK(errorMessage<PermissionDenied>([] { requirePermission(Role::Staff, A::RefundPayment); }) ==
          "the staff role may not refund_payment");
    CHECK(errorMessage<PermissionDenied>([] { requirePermission(Role::Manager, A::ManageStaff); }) ==
          "the manager role may not manage_staff");
    for (Role role : kRoles)
        for (Action action : allActions())
            if (isAllowed(role, action)) {
                CHECK_NOTHROW(requirePermission(role, action));
            } else {
                CHECK_THROWS_AS(requirePermission(role, action), PermissionDenied);
            }
}

TEST_CASE("Roles keep their stored names", "[domain][staff]") {
    const std::vector<std::string> stored = {"admin", "manager", "accountant", "staff"};
    for (std::size_t i = 0; i < kRoles.size(); ++i) {
        CHECK(toString(kRoles[i]) == stored[i]);
        CHECK(parseRole(stored[i]) == kRoles[i]);
    }
    CHECK_FALSE(parseRole("boatman"));
    CHECK_FALSE(parseRole(""));
}

TEST_CASE("Employee validation names the field", "[domain][staff]") {
    CHECK_NOTHROW(employee().validate());
    auto refused = [](auto change) {
        Employee e = employee();
        change(e);
        return refusedField([&] { e.validate(); });
    };
    CHECK(refused([](Employee& e) { e.login = ""; }) == "login");
    CHECK(refused([](Employee& e) { e.login = "   "; }) == "login");
    CHECK(refused([](Employee& e) { e.login = "marie dupont"; }) == "login");
    CHECK(refused([](Employee& e) { e.name = ""; }) == "name");
    CHECK(refused([](Employee& e) { e.name = "  "; }) == "name");
    CHECK(errorMessage<ValidationError>([] {
              Employee e = employee();
              e.login = "marie dupont";
              e.validate();
          }) == "login: must not contain spaces");
}
