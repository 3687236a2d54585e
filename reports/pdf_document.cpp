#include "reports/pdf_document.h"

#include <hpdf.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>

namespace narcisse::reports {

namespace {

constexpr const char* kEllipsis = "\xE2\x80\xA6";   // "…"

// libharu's own codes for the errors a user can cause or fix (hpdf_error.h), said in words.
std::string describe(unsigned long code) {
    switch (code) {
    case HPDF_FILE_IO_ERROR: return "the file cannot be written";
    case HPDF_FILE_OPEN_ERROR: return "the file cannot be opened";
    case HPDF_TTF_CANNOT_EMBEDDING_FONT: return "the font may not be embedded";
    case HPDF_TTF_INVALID_FOMAT: return "the font file is not a TrueType font";
    case HPDF_FAILD_TO_ALLOC_MEM: return "out of memory";
    default: break;
    }
    char hex[32];
    std::snprintf(hex, sizeof hex, "libharu error 0x%04lX", code);
    return hex;
}

// Byte length of the UTF-8 character that starts with `lead`.
std::size_t utf8Length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xE) return 3;
    if ((lead >> 3) == 0x1E) return 4;
    return 1;   // a stray continuation byte: step over it rather than loop
}

}  // namespace

PdfError::PdfError(unsigned long code, unsigned long detail, const std::string& message)
    : std::runtime_error(message), m_code(code), m_detail(detail) {}

// libharu reports errors through a C callback. An exception thrown from it would unwind through
// libharu's C frames and leave the document half-updated, so the callback only records the error and
// each call of ours checks it on return and throws PdfError from C++ code.
struct PdfDocument::Impl {
    HPDF_Doc doc = nullptr;
    HPDF_Font regular = nullptr;
    HPDF_Font bold = nullptr;
    HPDF_Page page = nullptr;
    std::optional<PdfError> error;

    static void onError(HPDF_STATUS code, HPDF_STATUS detail, void* data) {
        auto* self = static_cast<Impl*>(data);
        if (!self->error) self->error.emplace(code, detail, "PDF: " + describe(code));
    }

    void check(const char* what) {
        if (!error) return;
        PdfError e(error->code(), error->detail(), std::string(error->what()) + " (" + what + ")");
        error.reset();
        HPDF_ResetError(doc);
        throw e;
    }

    HPDF_Font font(Weight w) const { return w == Weight::Bold ? bold : regular; }

    ~Impl() {
        if (doc) HPDF_Free(doc);
    }
};

PdfDocument::PdfDocument(PdfOptions options) : m_options(std::move(options)), m_impl(std::make_unique<Impl>()) {
    m_impl->doc = HPDF_New(&Impl::onError, m_impl.get());
    if (!m_impl->doc) throw PdfError(HPDF_FAILD_TO_ALLOC_MEM, 0, "PDF: out of memory");
    HPDF_SetCompressionMode(m_impl->doc, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(m_impl->doc);
    m_impl->check("setting up the document");

    // Embedded, so that a name in any European script prints the same on every printer.
    auto load = [this](const char* file) {
        const std::string path = m_options.fontDirectory + "/" + file;
        const char* name = HPDF_LoadTTFontFromFile(m_impl->doc, path.c_str(), HPDF_TRUE);
        m_impl->check(path.c_str());
        HPDF_Font font = HPDF_GetFont(m_impl->doc, name, "UTF-8");
        m_impl->check(path.c_str());
        return font;
    };
    m_impl->regular = load("DejaVuSans.ttf");
    m_impl->bold = load("DejaVuSans-Bold.ttf");

    HPDF_SetInfoAttr(m_impl->doc, HPDF_INFO_CREATOR, "Sweet Narcisse back-office");
    if (!m_options.title.empty()) HPDF_SetInfoAttr(m_impl->doc, HPDF_INFO_TITLE, m_options.title.c_str());
    m_impl->check("document information");
}

PdfDocument::~PdfDocument() = default;

void PdfDocument::newPage() {
    HPDF_Page page = HPDF_AddPage(m_impl->doc);
    m_impl->check("adding a page");
    HPDF_Page_SetWidth(page, static_cast<HPDF_REAL>(m_options.pageWidth));
    HPDF_Page_SetHeight(page, static_cast<HPDF_REAL>(m_options.pageHeight));
    m_impl->check("sizing a page");
    m_impl->page = page;
    m_pages.push_back(page);
    m_pageHeights.push_back(m_options.pageHeight);
    m_currentHeight = m_options.pageHeight;
    if (m_options.decorations) drawHeader();
}

double PdfDocument::pageHeight() const { return m_pages.empty() ? m_options.pageHeight : m_currentHeight; }

double PdfDocument::contentTop() const { return m_options.margin + (m_options.decorations ? 34 : 0); }
double PdfDocument::contentBottom() const { return pageHeight() - m_options.margin - (m_options.decorations ? 22 : 0); }

void PdfDocument::drawHeader() {
    const double baseline = m_options.margin + 10;
    const double titleWidth = m_options.title.empty() ? 0 : measure(m_options.title, 10) + 24;
    fittedText(left(), baseline, m_options.header, contentWidth() - titleWidth, 11, Weight::Bold);
    text(right(), baseline, m_options.title, 10, Weight::Regular, Align::Right);
    line(left(), baseline + 7, right(), baseline + 7, 0.75);
}

void PdfDocument::drawFooters() {
    if (!m_options.decorations) return;
    const int total = pageCount();
    const HPDF_Page current = m_impl->page;
    const double currentHeight = m_currentHeight;
    for (int i = 0; i < total; ++i) {
        // libharu keeps every page's content stream open until saving: numbering comes last.
        m_impl->page = static_cast<HPDF_Page>(m_pages[static_cast<std::size_t>(i)]);
        m_currentHeight = m_pageHeights[static_cast<std::size_t>(i)];
        const double baseline = m_currentHeight - m_options.margin;
        line(left(), baseline - 11, right(), baseline - 11, 0.5, Colour::grey(0.5f));
        const std::string number = m_options.pageWord + " " + std::to_string(i + 1) + " / " + std::to_string(total);
        if (!m_options.footer.empty())
            fittedText(left(), baseline, m_options.footer, contentWidth() - 80, 8, Weight::Regular, Align::Left,
                       Colour::grey(0.3f));
        text(right(), baseline, number, 9, Weight::Regular, Align::Right);
    }
    m_impl->page = current;
    m_currentHeight = currentHeight;
}

double PdfDocument::measure(std::string_view utf8, double size, Weight weight) const {
    if (utf8.empty()) return 0;
    const std::string s(utf8);
    const HPDF_TextWidth w =
        HPDF_Font_TextWidth(m_impl->font(weight), reinterpret_cast<const HPDF_BYTE*>(s.c_str()),
                            static_cast<HPDF_UINT>(s.size()));
    return w.width * size / 1000.0;
}

std::string PdfDocument::fit(std::string_view utf8, double maxWidth, double size, Weight weight) const {
    if (measure(utf8, size, weight) <= maxWidth) return std::string(utf8);
    const double room = maxWidth - measure(kEllipsis, size, weight);
    // Character boundaries, then the longest prefix that fits (binary search: names are short, but
    // notes may not be).
    std::vector<std::size_t> ends;
    for (std::size_t i = 0; i < utf8.size();) {
        i = std::min(utf8.size(), i + utf8Length(static_cast<unsigned char>(utf8[i])));
        ends.push_back(i);
    }
    std::size_t lo = 0, hi = ends.size();   // lo characters fit; hi do not
    while (hi - lo > 1) {
        const std::size_t mid = (lo + hi) / 2;
        if (measure(utf8.substr(0, ends[mid - 1]), size, weight) <= room) lo = mid;
        else hi = mid;
    }
    std::string cut(utf8.substr(0, lo == 0 ? 0 : ends[lo - 1]));
    while (!cut.empty() && cut.back() == ' ') cut.pop_back();   // "Rue …", not "Rue …" with a gap
    return cut + kEllipsis;
}

std::vector<std::string> PdfDocument::wrap(std::string_view utf8, double maxWidth, double size, Weight weight) const {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= utf8.size()) {   // paragraph by paragraph: a line break the writer typed is kept
        std::size_t end = utf8.find('\n', start);
        if (end == std::string_view::npos) end = utf8.size();
        const std::string_view paragraph = utf8.substr(start, end - start);
        std::string current;
        std::size_t i = 0;
        while (i < paragraph.size()) {
            while (i < paragraph.size() && paragraph[i] == ' ') ++i;
            const std::size_t wordEnd = std::min(paragraph.find(' ', i), paragraph.size());
            if (wordEnd == i) break;
            const std::string_view word = paragraph.substr(i, wordEnd - i);
            i = wordEnd;
            const std::string joined = current.empty() ? std::string(word) : current + " " + std::string(word);
            if (measure(joined, size, weight) <= maxWidth) {
                current = joined;
                continue;
            }
            if (!current.empty()) lines.push_back(current);
            current = fit(word, maxWidth, size, weight);
        }
        lines.push_back(current);
        start = end + 1;
    }
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
    return lines;
}

void PdfDocument::text(double x, double y, std::string_view utf8, double size, Weight weight, Align align,
                       Colour colour) {
    if (utf8.empty()) return;
    const std::string s(utf8);
    const double width = align == Align::Left ? 0 : measure(s, size, weight);
    const double left = align == Align::Right ? x - width : align == Align::Centre ? x - width / 2 : x;
    HPDF_Page page = m_impl->page;
    HPDF_Page_SetRGBFill(page, colour.r, colour.g, colour.b);
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, m_impl->font(weight), static_cast<HPDF_REAL>(size));
    HPDF_Page_TextOut(page, static_cast<HPDF_REAL>(left), static_cast<HPDF_REAL>(pageHeight() - y), s.c_str());
    HPDF_Page_EndText(page);
    m_impl->check("writing text");
}

void PdfDocument::fittedText(double x, double y, std::string_view utf8, double maxWidth, double size, Weight weight,
                             Align align, Colour colour) {
    text(x, y, fit(utf8, maxWidth, size, weight), size, weight, align, colour);
}

void PdfDocument::line(double x1, double y1, double x2, double y2, double width, Colour colour) {
    HPDF_Page page = m_impl->page;
    HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(width));
    HPDF_Page_SetRGBStroke(page, colour.r, colour.g, colour.b);
    HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(x1), static_cast<HPDF_REAL>(pageHeight() - y1));
    HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(x2), static_cast<HPDF_REAL>(pageHeight() - y2));
    HPDF_Page_Stroke(page);
    m_impl->check("drawing a line");
}

void PdfDocument::strokeRect(double x, double y, double w, double h, double width, Colour colour) {
    HPDF_Page page = m_impl->page;
    HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(width));
    HPDF_Page_SetRGBStroke(page, colour.r, colour.g, colour.b);
    HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(pageHeight() - y - h),
                        static_cast<HPDF_REAL>(w), static_cast<HPDF_REAL>(h));
    HPDF_Page_Stroke(page);
    m_impl->check("drawing a box");
}

void PdfDocument::fillRect(double x, double y, double w, double h, Colour colour) {
    HPDF_Page page = m_impl->page;
    HPDF_Page_SetRGBFill(page, colour.r, colour.g, colour.b);
    HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(pageHeight() - y - h),
                        static_cast<HPDF_REAL>(w), static_cast<HPDF_REAL>(h));
    HPDF_Page_Fill(page);
    m_impl->check("filling a box");
}

void PdfDocument::save(const std::string& path) {
    const std::string part = path + ".part";
    try {
        drawFooters();
        HPDF_SaveToFile(m_impl->doc, part.c_str());
        m_impl->check(part.c_str());
    } catch (...) {
        std::remove(part.c_str());
        throw;
    }
    if (std::rename(part.c_str(), path.c_str()) != 0) {
        const std::string reason = std::strerror(errno);
        std::remove(part.c_str());
        throw std::runtime_error("cannot rename " + part + " to " + path + ": " + reason);
    }
}

}  // namespace narcisse::reports
