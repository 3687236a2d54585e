// PDF documents over libharu, A4 unless told otherwise: Unicode text in embedded DejaVu Sans, the
// company header and "page N / M" on every page (or neither, for a receipt or a voucher), text measured and cut with an ellipsis, and a file that appears only
// once complete (written to "<path>.part", then renamed). Coordinates are in points from the top
// left corner of the page (libharu's own origin is the bottom left); text is placed by its baseline.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace narcisse::reports {

// libharu's error, with its codes (hpdf_error.h) so a bug report can name them.
class PdfError : public std::runtime_error {
public:
    PdfError(unsigned long code, unsigned long detail, const std::string& message);
    unsigned long code() const { return m_code; }
    unsigned long detail() const { return m_detail; }

private:
    unsigned long m_code;
    unsigned long m_detail;
};

enum class Weight { Regular, Bold };

struct Colour {
    float r = 0, g = 0, b = 0;   // 0–1
    static constexpr Colour black() { return {0, 0, 0}; }
    static constexpr Colour grey(float level) { return {level, level, level}; }
};

enum class Align { Left, Right, Centre };

struct PdfOptions {
    std::string title;        // the document's title (metadata, and the header's right side)
    std::string header;       // the company name, on the header's left side
    std::string footer;       // small text on the footer's left side ("printed …"); may be empty
    std::string pageWord = "page";   // "page 2 / 5": the word, for a translation to replace
    // Where the DejaVu Sans files are; the Debian/Ubuntu place by default.
    std::string fontDirectory = "/usr/share/fonts/truetype/dejavu";
    // The page in points: A4 portrait by default; a receipt roll or an A5 voucher sets its own.
    double pageWidth = 595.276;
    double pageHeight = 841.89;
    double margin = 34.0;
    // The header (company and title) and the footer (page numbers); off for a receipt or a voucher,
    // which draw their own.
    bool decorations = true;
};

class PdfDocument {
public:
    static constexpr double kPageWidth = 595.276;    // A4 in points (PdfOptions' default)
    static constexpr double kPageHeight = 841.89;
    static constexpr double kMargin = 34.0;

    // Throws PdfError when libharu or the fonts cannot be set up.
    explicit PdfDocument(PdfOptions options);
    ~PdfDocument();
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    // Starts a page with the header drawn on it; what follows draws on it.
    void newPage();
    // The height of the pages started from now on (a receipt roll is cut to what it prints).
    void setPageHeight(double height) { m_options.pageHeight = height; }
    double pageWidth() const { return m_options.pageWidth; }
    double pageHeight() const;   // the current page's
    int pageCount() const { return static_cast<int>(m_pages.size()); }

    // The area between the header and the footer.
    double contentTop() const;
    double contentBottom() const;
    double left() const { return m_options.margin; }
    double right() const { return m_options.pageWidth - m_options.margin; }
    double contentWidth() const { return right() - left(); }

    // UTF-8 text with its baseline at y. Align::Right puts its end at x, Centre its middle.
    void text(double x, double y, std::string_view utf8, double size, Weight weight = Weight::Regular,
              Align align = Align::Left, Colour colour = Colour::black());
    // The same, cut with "…" so that it never exceeds `maxWidth`.
    void fittedText(double x, double y, std::string_view utf8, double maxWidth, double size,
                    Weight weight = Weight::Regular, Align align = Align::Left, Colour colour = Colour::black());
    double measure(std::string_view utf8, double size, Weight weight = Weight::Regular) const;
    // The longest beginning of `utf8` (whole characters) that fits `maxWidth` once "…" is added,
    // or the text itself when it fits.
    std::string fit(std::string_view utf8, double maxWidth, double size, Weight weight = Weight::Regular) const;
    // The text broken into lines of at most `maxWidth` at spaces and line breaks; a word longer than
    // a line is cut with "…".
    std::vector<std::string> wrap(std::string_view utf8, double maxWidth, double size,
                                  Weight weight = Weight::Regular) const;

    void line(double x1, double y1, double x2, double y2, double width = 0.5, Colour colour = Colour::black());
    void strokeRect(double x, double y, double w, double h, double width = 0.5, Colour colour = Colour::black());
    void fillRect(double x, double y, double w, double h, Colour colour);

    // Writes the page numbers, then the file through "<path>.part". Throws PdfError or
    // std::runtime_error naming the path; nothing is left at `path` or `<path>.part` on failure.
    void save(const std::string& path);

private:
    struct Impl;
    void drawHeader();
    void drawFooters();

    PdfOptions m_options;
    std::unique_ptr<Impl> m_impl;
    std::vector<void*> m_pages;   // HPDF_Page, kept to number them once the count is known
    std::vector<double> m_pageHeights;   // each page's, to turn top-left coordinates into libharu's
    double m_currentHeight = 0;          // the page being drawn on
};

}  // namespace narcisse::reports
