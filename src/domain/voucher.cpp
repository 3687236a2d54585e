#include "domain/voucher.h"

#include "domain/errors.h"

#include <algorithm>
#include <random>

namespace narcisse::domain {

namespace {
constexpr std::string_view kGiftPrefix = "SN-GIFT-";
constexpr std::size_t kCodeLength = 8;   // 7 data characters + 1 check character

bool startsWithGift(std::string_view chars) {
    constexpr std::string_view prefix = "SNGIFT";
    if (chars.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = chars[i];
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (c != prefix[i]) return false;
    }
    return true;
}

// Characters as a person counts them: a UTF-8 sequence is one character.
std::size_t characterCount(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}
}  // namespace

GiftCode GiftCode::fromNumber(std::uint64_t value) { return GiftCode(std::string(kGiftPrefix) + crockford::withCheck(value)); }

GiftCode GiftCode::random() {
    thread_local std::mt19937_64 engine{std::random_device{}()};
    return fromNumber(engine());
}

GiftCode GiftCode::parse(std::string_view text) {
    std::string chars = crockford::withoutSeparators(text);
    if ((chars.size() == kCodeLength + 6 || chars.size() == 6) && startsWithGift(chars)) chars.erase(0, 6);
    if (chars.empty()) throw ValidationError("voucher", "is empty");
    if (chars.size() != kCodeLength)
        throw ValidationError("voucher", "must be SN-GIFT- followed by 8 characters, got \"" + std::string(text) + "\"");
    return GiftCode(std::string(kGiftPrefix) + crockford::checkedCode(chars, "voucher", "voucher code", text));
}

std::optional<GiftCode> GiftCode::tryParse(std::string_view text) {
    try {
        return parse(text);
    } catch (const ValidationError&) {
        return std::nullopt;
    }
}

std::string_view toString(VoucherKind k) { return k == VoucherKind::Ride ? "RIDE" : "AMOUNT"; }

std::optional<VoucherKind> parseVoucherKind(std::string_view s) {
    for (auto k : {VoucherKind::Amount, VoucherKind::Ride})
        if (toString(k) == s) return k;
    return std::nullopt;
}

std::string_view toString(VoucherVat v) { return v == VoucherVat::MultiPurpose ? "MULTI" : "SINGLE"; }

std::optional<VoucherVat> parseVoucherVat(std::string_view s) {
    for (auto v : {VoucherVat::SinglePurpose, VoucherVat::MultiPurpose})
        if (toString(v) == s) return v;
    return std::nullopt;
}

std::string_view toString(VoucherMovementKind k) {
    switch (k) {
        case VoucherMovementKind::Redeem: return "REDEEM";
        case VoucherMovementKind::Credit: return "CREDIT";
        case VoucherMovementKind::Extend: return "EXTEND";
    }
    return "REDEEM";
}

std::optional<VoucherMovementKind> parseVoucherMovementKind(std::string_view s) {
    for (auto k : {VoucherMovementKind::Redeem, VoucherMovementKind::Credit, VoucherMovementKind::Extend})
        if (toString(k) == s) return k;
    return std::nullopt;
}

void Voucher::validate(LocalDate soldOn) const {
    if (kind == VoucherKind::Amount) {
        if (value < Money::euros(1) || value > Money::euros(1000))
            throw ValidationError("value", "must be between 1.00 € and 1000.00 €, got " + value.display());
    } else {
        party.validate();
        if (value < Money::zero(value.currency())) throw ValidationError("value", "must not be negative");
    }
    if (characterCount(recipientName) > 80) throw ValidationError("recipient", "must be at most 80 characters");
    if (characterCount(message) > 300) throw ValidationError("message", "must be at most 300 characters");
    if (!expiresOn.ok()) throw ValidationError("expiry", "is not a day of the calendar");
    if (date::sys_days{expiresOn} <= date::sys_days{soldOn})
        throw ValidationError("expiry", "must be after the sale date " + isoDate(soldOn) + ", got " + isoDate(expiresOn));
    if (vatRateBasisPoints < 0 || vatRateBasisPoints > 10000)
        throw ValidationError("VAT rate", "must be between 0 and 100 %");
}

VoucherStatus voucherStatus(const Voucher& v, const std::vector<VoucherMovement>& movements, LocalDate today) {
    VoucherStatus s;
    s.balance = v.value;
    s.redeemed = Money::zero(v.value.currency());
    s.expiresOn = v.expiresOn;
    const VoucherMovement* lastExtension = nullptr;
    for (const auto& m : movements) {
        switch (m.kind) {
            case VoucherMovementKind::Redeem:
                s.redeemed += m.amount;
                s.balance -= m.amount;
                break;
            case VoucherMovementKind::Credit: s.balance += m.amount; break;
            case VoucherMovementKind::Extend:
                // The latest extension decides, whatever order the movements come in.
                if (m.newExpiry && (!lastExtension || m.at > lastExtension->at)) lastExtension = &m;
                break;
        }
    }
    if (lastExtension) s.expiresOn = *lastExtension->newExpiry;
    s.expired = date::sys_days{today} > date::sys_days{s.expiresOn};
    s.used = s.balance <= Money::zero(s.balance.currency());
    return s;
}

std::optional<std::string> redemptionRefusal(const Voucher& v, const VoucherStatus& s, Money amount) {
    (void)v;
    if (s.expired) return "expired on " + isoDate(s.expiresOn);
    if (s.used) return std::string("already used");
    if (amount <= Money::zero(amount.currency())) return "the amount to pay must be positive, got " + amount.display();
    if (amount > s.balance) return "only " + s.balance.display() + " left";
    return std::nullopt;
}

LocalDate defaultVoucherExpiry(LocalDate soldOn) {
    const LocalDate next = soldOn + date::years{1};
    if (next.ok()) return next;
    return LocalDate{date::year_month_day_last{next.year(), date::month_day_last{next.month()}}};
}

}  // namespace narcisse::domain
