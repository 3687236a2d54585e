// How the desk's documents (receipt, gift voucher, Z report) write amounts, dates, VAT rates and
// payment methods: the French way, as the business prints them.
#pragma once

#include "domain/money.h"
#include "domain/payment.h"
#include "domain/time.h"

#include <cstdint>
#include <string>

namespace narcisse::reports {

std::string euros(domain::Money m);                 // "1 234,50 €", "-12,00 €"
std::string signedEuros(domain::Money m);           // "+2,00 €", "-1,50 €", "0,00 €"
std::string frenchDate(domain::LocalDate d);        // "14/07/2026"
std::string vatRate(int basisPoints);               // "10 %", "5,5 %", "20 %"
std::string methodLabel(domain::PaymentMethod m);   // "Espèces", "Carte", "Bon cadeau", …
std::string receiptNumber(std::int64_t n);          // "N° 000123"

}  // namespace narcisse::reports
