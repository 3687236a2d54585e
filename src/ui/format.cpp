#include "ui/format.h"

#include <wx/intl.h>
#include <wx/numformatter.h>
#include <wx/uilocale.h>

namespace narcisse::ui {
namespace {

// The locale's time format without seconds: a departure is never at :30 seconds.
wxString ShortTimeFormat()
{
    wxString format = wxUILocale::GetCurrent().GetInfo(wxLOCALE_TIME_FMT);
    format.Replace("%T", "%H:%M");
    format.Replace("%r", "%I:%M %p");
    format.Replace(":%S", "");
    format.Replace(".%S", "");
    format.Trim().Trim(false);
    return format.empty() ? wxString("%H:%M") : format;
}

}  // namespace

wxDateTime ToWxDate(domain::LocalDate date)
{
    return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(static_cast<unsigned>(date.day())),
                      static_cast<wxDateTime::Month>(static_cast<unsigned>(date.month()) - 1),
                      static_cast<int>(date.year()));
}

domain::LocalDate FromWxDate(const wxDateTime& date)
{
    return domain::LocalDate{date::year{date.GetYear()}, date::month{static_cast<unsigned>(date.GetMonth()) + 1},
                             date::day{static_cast<unsigned>(date.GetDay())}};
}

domain::LocalDate AddDays(domain::LocalDate date, int days)
{
    return domain::LocalDate{date::sys_days{date} + date::days{days}};
}

wxString FormatWallTime(domain::Minutes sinceMidnight)
{
    static const wxString format = ShortTimeFormat();
    const auto minutes = static_cast<int>(sinceMidnight.count());
    const wxDateTime at(1, wxDateTime::Jan, 2000, static_cast<wxDateTime::wxDateTime_t>(minutes / 60 % 24),
                        static_cast<wxDateTime::wxDateTime_t>(minutes % 60));
    return at.Format(format);
}

wxString FormatLongDate(domain::LocalDate date)
{
    wxString format = wxUILocale::GetCurrent().GetInfo(wxLOCALE_LONG_DATE_FMT);
    if (format.empty()) format = "%A %d %B %Y";
    wxString text = ToWxDate(date).Format(format);
    while (text.Replace("  ", " ")) {}   // "%e" pads single-digit days with a space
    return text;
}

wxString FormatMoney(const domain::Money& amount)
{
    const wxChar decimal = wxNumberFormatter::GetDecimalSeparator();
    wxChar thousands = 0;
    wxString thousandsText;
    if (wxNumberFormatter::GetThousandsSeparatorIfUsed(&thousands)) thousandsText = wxString(thousands);
    const std::string number = amount.format(decimal == ',' ? ',' : '.', thousandsText.ToStdString(wxConvUTF8));
    const wxString currency = amount.currency() == "EUR" ? wxString::FromUTF8("€") : wxString(amount.currency());
    // TRANSLATORS: an amount and its currency, e.g. "12,50 €"; swap them for "€12.50"
    return wxString::Format(_("%s %s"), wxString::FromUTF8(number), currency);
}

wxString FormatCount(long value)
{
    return wxNumberFormatter::ToString(value, wxNumberFormatter::Style_WithThousandsSep);
}

wxString StateName(domain::BookingState state)
{
    using S = domain::BookingState;
    switch (state) {
    case S::Pending: return _("Pending");
    case S::Confirmed: return _("Confirmed");
    case S::Cancelled: return _("Cancelled");
    case S::Expired: return _("Expired");
    // TRANSLATORS: booking state EMBARQUED: the passengers are on the boat
    case S::Embarqued: return _("Boarded");
    case S::Completed: return _("Completed");
    case S::NoShow: return _("No-show");
    }
    return wxString::FromUTF8(std::string(domain::toString(state)));
}

wxString ChannelName(domain::Channel channel)
{
    switch (channel) {
    case domain::Channel::Web: return _("Website");
    case domain::Channel::Desk: return _("Ticket desk");
    case domain::Channel::Phone: return _("Phone");
    }
    return wxString::FromUTF8(std::string(domain::toString(channel)));
}

wxString LanguageName(const std::string& code)
{
    if (code == "fr") return _("French");
    if (code == "en") return _("English");
    if (code == "de") return _("German");
    if (code == "es") return _("Spanish");
    if (code == "it") return _("Italian");
    return wxString::FromUTF8(code);
}

wxString RoleName(domain::Role role)
{
    switch (role) {
    case domain::Role::Admin: return _("Administrator");
    case domain::Role::Manager: return _("Manager");
    case domain::Role::Accountant: return _("Accountant");
    case domain::Role::Staff: return _("Staff");
    }
    return wxString::FromUTF8(std::string(domain::toString(role)));
}

wxString PartyShort(const domain::Party& party)
{
    wxString text;
    auto add = [&text](int count, const wxString& format) {
        if (count <= 0) return;
        if (!text.empty()) text += ' ';
        text += wxString::Format(format, count);
    };
    // TRANSLATORS: adults in a party on the planning, as short as possible: "3A"
    add(party.adults, _("%dA"));
    // TRANSLATORS: children in a party on the planning: "1C"
    add(party.children, _("%dC"));
    // TRANSLATORS: babies in a party on the planning: "1B"
    add(party.babies, _("%dB"));
    return text;
}

wxString PartyLong(const domain::Party& party)
{
    wxString text;
    auto add = [&text](const wxString& part) {
        if (!text.empty()) text += ", ";
        text += part;
    };
    if (party.adults) add(wxString::Format(wxPLURAL("%d adult", "%d adults", party.adults), party.adults));
    if (party.children) add(wxString::Format(wxPLURAL("%d child", "%d children", party.children), party.children));
    if (party.babies) add(wxString::Format(wxPLURAL("%d baby", "%d babies", party.babies), party.babies));
    return text;
}

}  // namespace narcisse::ui
