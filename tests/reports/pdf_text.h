// PDFs read back as a reader sees them: poppler's pdftotext (layout mode) gives the lines, split
// into cells where the page puts two spaces or more between them; pdfinfo the page count;
// pdftoppm a grey image to look for drawn shapes in.
#pragma once

#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>
#include <vector>

namespace narcisse::test {

inline std::string run(const std::string& command) {
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
    REQUIRE(::pclose(pipe) == 0);
    return out;
}

using PdfLines = std::vector<std::vector<std::string>>;

// (libharu 2.3's ToUnicode map makes poppler warn on stderr; the text itself is right.)
// `page` 0: every page; otherwise that page only.
inline PdfLines pdfLines(const std::string& path, int page = 0) {
    const std::string pages = page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
    const std::string text = run("pdftotext -layout" + pages + " '" + path + "' - 2>/dev/null");
    PdfLines lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        start = end + 1;
        std::vector<std::string> cells;
        static const std::regex gap("\\s{2,}|\f");
        for (std::sregex_token_iterator it(line.begin(), line.end(), gap, -1), stop; it != stop; ++it) {
            std::string cell = *it;
            while (!cell.empty() && (cell.front() == ' ' || cell.front() == '\f')) cell.erase(cell.begin());
            while (!cell.empty() && cell.back() == ' ') cell.pop_back();
            if (!cell.empty()) cells.push_back(cell);
        }
        if (!cells.empty()) lines.push_back(cells);
    }
    return lines;
}

inline int pageCount(const std::string& path) {
    const std::string info = run("pdfinfo '" + path + "' 2>/dev/null");
    std::smatch m;
    REQUIRE(std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")));
    return std::stoi(m[1]);
}

inline bool hasLine(const PdfLines& lines, const std::vector<std::string>& expected) {
    for (const auto& l : lines)
        if (l == expected) return true;
    return false;
}

// Where `expected` is among the lines from `from` on; -1 when it is not.
inline int lineIndex(const PdfLines& lines, const std::vector<std::string>& expected, int from = 0) {
    for (std::size_t i = static_cast<std::size_t>(from < 0 ? 0 : from); i < lines.size(); ++i)
        if (lines[i] == expected) return static_cast<int>(i);
    return -1;
}

// Whether any line holds `text` within one of its cells.
inline bool mentions(const PdfLines& lines, const std::string& text) {
    for (const auto& l : lines)
        for (const auto& cell : l)
            if (cell.find(text) != std::string::npos) return true;
    return false;
}

inline std::string dump(const PdfLines& lines) {
    std::string out;
    for (const auto& l : lines) {
        for (std::size_t i = 0; i < l.size(); ++i) out += (i ? " | " : "") + l[i];
        out += "\n";
    }
    return out;
}

// Page 1 rendered in grey levels (0 black … 255 white) at `dpi`.
struct GreyImage {
    int width = 0, height = 0;
    std::vector<unsigned char> pixels;
    unsigned char at(int x, int y) const { return pixels[static_cast<std::size_t>(y) * width + x]; }
};

inline GreyImage renderPage(const std::string& pdf, const std::string& stem, int dpi) {
    run("pdftoppm -gray -r " + std::to_string(dpi) + " -f 1 -l 1 -singlefile '" + pdf + "' '" + stem + "' 2>/dev/null");
    std::ifstream in(stem + ".pgm", std::ios::binary);
    REQUIRE(in);
    std::string magic;
    int maxValue = 0;
    GreyImage image;
    in >> magic >> image.width >> image.height >> maxValue;
    in.get();
    REQUIRE(magic == "P5");
    REQUIRE(maxValue == 255);
    image.pixels.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    REQUIRE(image.pixels.size() == static_cast<std::size_t>(image.width) * image.height);
    return image;
}

}  // namespace narcisse::test
