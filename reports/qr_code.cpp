#include "reports/qr_code.h"

#include <qrencode.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace narcisse::reports {

QrMatrix qrEncode(std::string_view text) {
    const std::string s(text);
    // Version 0: the smallest that holds the text; QR_MODE_8 with case kept lets libqrencode pick the
    // compact alphanumeric mode for the upper-case references on its own.
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString(s.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1),
                                                         &QRcode_free);
    if (!code) throw std::runtime_error("QR code of \"" + s + "\": " + std::strerror(errno));
    QrMatrix m;
    m.width = code->width;
    m.dark.resize(static_cast<std::size_t>(m.width * m.width));
    for (std::size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = (code->data[i] & 1) != 0;   // bit 0: dark
    return m;
}

int qrModules(std::string_view text) { return qrEncode(text).width; }

void drawQr(PdfDocument& pdf, double x, double y, double side, const QrMatrix& qr) {
    if (qr.width == 0) return;
    const double module = side / qr.width;
    pdf.fillRect(x - 4 * module, y - 4 * module, side + 8 * module, side + 8 * module, Colour{1, 1, 1});
    // One rectangle per run of dark modules on a row, slightly taller than a module so that
    // anti-aliasing leaves no hairline between rows.
    for (int row = 0; row < qr.width; ++row) {
        int col = 0;
        while (col < qr.width) {
            if (!qr.at(col, row)) {
                ++col;
                continue;
            }
            const int start = col;
            while (col < qr.width && qr.at(col, row)) ++col;
            const double overlap = row + 1 < qr.width ? module * 0.05 : 0;
            pdf.fillRect(x + start * module, y + row * module, (col - start) * module, module + overlap, Colour::black());
        }
    }
}

}  // namespace narcisse::reports
