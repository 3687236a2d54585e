#include "ui/cash_labels.h"

#include "app/desk.h"
#include "ui/format.h"

#include <wx/intl.h>
#include <wx/numformatter.h>

namespace narcisse::ui {

wxString TenderMethodName(domain::PaymentMethod method)
{
    using M = domain::PaymentMethod;
    switch (method) {
        case M::Cash: return _("Cash");
        // TRANSLATORS: payment by bank card on the desk's terminal
        case M::Card: return _("Card");
        case M::Voucher: return _("Gift voucher");
        case M::Stripe: return "Stripe";
        case M::PayPal: return "PayPal";
    }
    return wxString::FromUTF8(std::string(domain::toString(method)));
}

wxString ChainName(domain::Chain chain)
{
    using C = domain::Chain;
    switch (chain) {
        case C::Receipt: return _("Receipts");
        case C::Payment: return _("Payments");
        case C::Refund: return _("Refunds");
        case C::Closing: return _("Closings");
        case C::Event: return _("Technical events");
    }
    return wxString::FromUTF8(std::string(domain::toString(chain)));
}

wxString EventKindName(domain::EventKind kind)
{
    using K = domain::EventKind;
    switch (kind) {
        case K::SignIn: return _("Sign-in");
        case K::SignOut: return _("Sign-out");
        // TRANSLATORS: a journal event: a daily, monthly or annual closing
        case K::Closing: return _("Closing");
        case K::Export: return _("Export");
        case K::Cancellation: return _("Cancellation");
        case K::RightsChange: return _("Permissions changed");
        case K::IntegrityFailure: return _("Integrity failure");
        case K::IntegrityCheck: return _("Integrity check");
        case K::CashSessionOpened: return _("Drawer opened");
        case K::CashMovement: return _("Cash paid in or out");
        case K::Reprint: return _("Reprint");
        case K::VoucherExtended: return _("Voucher extended");
        case K::OfflineStart: return _("Offline start");
        case K::VersionChange: return _("Version change");
    }
    return wxString::FromUTF8(std::string(domain::toString(kind)));
}

wxString ClosingPeriodName(domain::ClosingPeriod period)
{
    switch (period) {
        // TRANSLATORS: the period of a closing
        case domain::ClosingPeriod::Day: return _("Day");
        case domain::ClosingPeriod::Month: return _("Month");
        case domain::ClosingPeriod::Year: return _("Year");
    }
    return _("Day");
}

wxString ClosingPeriodText(const domain::Closing& closing)
{
    switch (closing.period) {
        case domain::ClosingPeriod::Day: return ToWxDate(closing.from).FormatDate();
        case domain::ClosingPeriod::Month: return ToWxDate(closing.from).Format("%B %Y");
        case domain::ClosingPeriod::Year: return wxString::Format("%d", static_cast<int>(closing.from.year()));
    }
    return {};
}

wxString VatRateText(int basisPoints)
{
    const wxString number = basisPoints % 100 == 0
                                ? wxString::Format("%d", basisPoints / 100)
                                : wxNumberFormatter::ToString(basisPoints / 100.0, 2);
    // TRANSLATORS: a VAT rate, e.g. "10 %" ("10%" in English)
    return wxString::Format(_("%s %%"), number);
}

domain::LocalDate LocalDateOf(const Session& session, domain::Instant at)
{
    return session.zone ? session.zone->localDate(at) : domain::LocalDate{date::floor<date::days>(at)};
}

wxString FormatClockTime(const Session& session, domain::Instant at)
{
    const auto midnight = date::floor<date::days>(at);
    const domain::Minutes minutes = session.zone ? session.zone->localMinutes(at)
                                                 : std::chrono::duration_cast<domain::Minutes>(at - midnight);
    return FormatWallTime(minutes);
}

wxString FormatClockSeconds(const Session& session, domain::Instant at)
{
    const domain::Instant second = date::floor<std::chrono::seconds>(at);
    if (session.zone) return wxString::FromUTF8(session.zone->format(second, "%H:%M:%S"));
    return wxString::FromUTF8(date::format("%H:%M:%S", second));
}

wxString FormatDateTime(const Session& session, domain::Instant at)
{
    return ToWxDate(LocalDateOf(session, at)).FormatDate() + " " + FormatClockTime(session, at);
}

EmployeeNames ReadEmployeeNames(domain::Store& store)
{
    return app::employeeNames(store);
}

wxString NameOf(const EmployeeNames& names, const std::optional<domain::Uuid>& id)
{
    if (!id) return wxS("—");
    const auto found = names.find(id->str());
    return found != names.end() ? wxString::FromUTF8(found->second) : wxString(wxS("—"));
}

std::optional<domain::Uuid> ActingEmployee(const Session& session)
{
    return session.employee ? std::optional(session.employee->id) : std::nullopt;
}

}  // namespace narcisse::ui
