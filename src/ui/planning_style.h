// The planning's colours in one place, so the grid and its legend always agree.
#pragma once

#include "domain/booking.h"

#include <wx/colour.h>

namespace narcisse::ui::planning_style {

inline const wxColour kBackground(0xFF, 0xFF, 0xFF);
inline const wxColour kHeaderBackground(0xF3, 0xF5, 0xF8);
inline const wxColour kRowHeaderBackground(0xF8, 0xF9, 0xFB);
inline const wxColour kGridLine(0xE1, 0xE6, 0xEC);
inline const wxColour kHourLine(0xB8, 0xC2, 0xCE);
inline const wxColour kBorder(0xA9, 0xB4, 0xC2);
inline const wxColour kText(0x1F, 0x2A, 0x37);
inline const wxColour kMutedText(0x62, 0x6E, 0x7C);
inline const wxColour kFaintText(0x9C, 0xA7, 0xB3);     // "0/12": nothing to see here
inline const wxColour kFreeCell(0xFF, 0xFF, 0xFF);
inline const wxColour kFullCell(0xF4, 0xB9, 0x82);     // occupancy blends from free to this
inline const wxColour kFullText(0x9B, 0x2C, 0x0E);
inline const wxColour kClosedCell(0xEC, 0xEE, 0xF1);
inline const wxColour kClosedHatch(0xA0, 0xA9, 0xB5);
inline const wxColour kOutOfServiceCell(0xE4, 0xE5, 0xE7);
inline const wxColour kNowLine(0xE0, 0x2D, 0x2D);
inline const wxColour kSelection(0x1D, 0x5F, 0xAE);
inline const wxColour kSelectionUnfocused(0x8A, 0x96, 0xA5);
// The "to collect" badge: a dark amber that stands out on every state's tint (the pending one
// included, which is a light yellow) with white text.
inline const wxColour kCollect(0xB4, 0x53, 0x09);
inline const wxColour kCollectText(0xFF, 0xFF, 0xFF);

struct StateColours {
    wxColour strong;   // the block's edge and hatching
    wxColour tint;     // the block's body
};

inline StateColours ColoursOf(domain::BookingState state)
{
    using S = domain::BookingState;
    switch (state) {
    case S::Pending: return {wxColour(0xD4, 0x8A, 0x10), wxColour(0xFD, 0xEF, 0xCF)};
    case S::Confirmed: return {wxColour(0x2B, 0x6C, 0xB0), wxColour(0xDB, 0xE8, 0xF8)};
    case S::Embarqued: return {wxColour(0x2F, 0x85, 0x5A), wxColour(0xD5, 0xF0, 0xDF)};
    case S::Completed: return {wxColour(0x6B, 0x78, 0x88), wxColour(0xE7, 0xEA, 0xEE)};
    case S::NoShow: return {wxColour(0xC5, 0x30, 0x30), wxColour(0xFA, 0xDB, 0xD8)};
    case S::Cancelled:
    case S::Expired: break;
    }
    return {wxColour(0x9A, 0xA3, 0xAE), wxColour(0xF1, 0xF3, 0xF5)};
}

// Free → light, full → strong.
inline wxColour OccupancyColour(double ratio)
{
    ratio = ratio < 0 ? 0 : ratio > 1 ? 1 : ratio;
    auto mix = [ratio](unsigned char a, unsigned char b) {
        return static_cast<unsigned char>(a + (b - a) * ratio + 0.5);
    };
    return wxColour(mix(kFreeCell.Red(), kFullCell.Red()), mix(kFreeCell.Green(), kFullCell.Green()),
                    mix(kFreeCell.Blue(), kFullCell.Blue()));
}

}  // namespace narcisse::ui::planning_style
