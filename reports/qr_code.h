// QR codes for the documents the desk prints: libqrencode computes the matrix, the PDF draws its
// dark modules as filled rectangles, so a barcode scanner at the desk reads the reference back.
#pragma once

#include "reports/pdf_document.h"

#include <string>
#include <string_view>
#include <vector>

namespace narcisse::reports {

struct QrMatrix {
    int width = 0;                 // modules per side: 21 for version 1, +4 per version
    std::vector<bool> dark;        // row by row, width × width

    bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * width + x)]; }
};

// The matrix of `text` (error correction M, case kept). Throws std::runtime_error when libqrencode
// cannot encode it (too long, out of memory).
QrMatrix qrEncode(std::string_view text);
// Modules per side of `text`'s QR code.
int qrModules(std::string_view text);

// Draws the matrix with its top left corner at (x, y) and `side` points wide, plus the 4-module
// white quiet zone a scanner needs around it (so the whole takes side × (width + 8) / width).
void drawQr(PdfDocument& pdf, double x, double y, double side, const QrMatrix& qr);

}  // namespace narcisse::reports
