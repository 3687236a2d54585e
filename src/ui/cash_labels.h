// How the cash-register records read on screen: payment methods, hash chains, journal events, the
// time of an instant on the business's clock, and the colours the cash dialogs share.
#pragma once

#include "domain/fiscal.h"
#include "domain/payment.h"
#include "domain/store.h"
#include "ui/session.h"

#include <wx/colour.h>
#include <wx/string.h>

#include <map>
#include <optional>
#include <string>

namespace narcisse::ui {

inline const wxColour kCashError(0xC5, 0x30, 0x30);
inline const wxColour kCashErrorField(0xFD, 0xEC, 0xEC);
inline const wxColour kCashOk(0x2E, 0x7D, 0x32);
inline const wxColour kCashMuted(0x5F, 0x6B, 0x7A);

wxString TenderMethodName(domain::PaymentMethod method);
wxString ChainName(domain::Chain chain);               // "Receipts", "Closings"…
wxString EventKindName(domain::EventKind kind);
wxString ClosingPeriodName(domain::ClosingPeriod period);
// "Tuesday 14 July 2026", "July 2026", "2026": what a closing covers.
wxString ClosingPeriodText(const domain::Closing& closing);
// "10 %" (a VAT rate in basis points), "0 %" for outside the scope of VAT.
wxString VatRateText(int basisPoints);

// On the business's clock (UTC until the session knows its zone).
wxString FormatClockTime(const Session& session, domain::Instant at);            // "14:20"
wxString FormatClockSeconds(const Session& session, domain::Instant at);         // "14:20:05"
wxString FormatDateTime(const Session& session, domain::Instant at);             // "14/07/2026 14:20"
domain::LocalDate LocalDateOf(const Session& session, domain::Instant at);

// Employee id → name, read on the worker (the journal and the drawer name who did what).
using EmployeeNames = std::map<std::string, std::string>;
EmployeeNames ReadEmployeeNames(domain::Store& store);
wxString NameOf(const EmployeeNames& names, const std::optional<domain::Uuid>& id);

std::optional<domain::Uuid> ActingEmployee(const Session& session);

}  // namespace narcisse::ui
