// How domain values read on screen: dates, times and amounts in the user's locale, and the names
// of states, channels, languages and roles, all translatable.
#pragma once

#include "domain/booking.h"
#include "domain/money.h"
#include "domain/staff.h"
#include "domain/time.h"

#include <wx/datetime.h>
#include <wx/string.h>

namespace narcisse::ui {

wxDateTime ToWxDate(domain::LocalDate date);          // midnight, local
domain::LocalDate FromWxDate(const wxDateTime& date);
domain::LocalDate AddDays(domain::LocalDate date, int days);   // calendar days, never 24 h

wxString FormatWallTime(domain::Minutes sinceMidnight);  // "14:20" (or "2:20 PM" where usual)
wxString FormatLongDate(domain::LocalDate date);         // "Tuesday 14 July 2026" in the locale's order
wxString FormatMoney(const domain::Money& amount);       // "1 234,50 €" with the locale's separators
wxString FormatCount(long value);                        // with the locale's thousands separator

wxString StateName(domain::BookingState state);
wxString ChannelName(domain::Channel channel);
wxString LanguageName(const std::string& code);           // "fr" → "French", unknown codes as given
wxString RoleName(domain::Role role);
wxString PartyShort(const domain::Party& party);          // "3A 1C 1B" for the planning blocks
wxString PartyLong(const domain::Party& party);           // "3 adults, 1 child, 1 baby"

}  // namespace narcisse::ui
