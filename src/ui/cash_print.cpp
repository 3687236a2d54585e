#include "ui/cash_print.h"

#include "app/settings.h"
#include "reports/closing_pdf.h"
#include "reports/voucher_pdf.h"

#include <wx/utils.h>

#include <chrono>

namespace narcisse::ui {
namespace {

std::function<bool(const std::filesystem::path&)>& Viewer()
{
    static std::function<bool(const std::filesystem::path&)> viewer;
    return viewer;
}

// A name of its own per document: a viewer may still hold the previous one open.
std::filesystem::path TempPdf(const std::string& stem)
{
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    auto dir = std::filesystem::temp_directory_path() / "narcisse-print";
    std::filesystem::create_directories(dir);
    return dir / (stem + "-" + std::to_string(stamp) + ".pdf");
}

}  // namespace

std::filesystem::path WriteVoucherForPrint(domain::Store& store, const domain::Voucher& voucher)
{
    const auto h = app::businessHeader(store);
    reports::VoucherDocument doc{voucher, h.name, h.address, h.idLine, h.timeZone};
    const auto file = TempPdf(voucher.code.str());
    reports::writeVoucherPdf(doc, file);
    return file;
}

std::filesystem::path WriteClosingForPrint(domain::Store& store, const domain::Closing& closing)
{
    const auto h = app::businessHeader(store);
    reports::ClosingDocument doc{closing, h.address, h.idLine, h.timeZone};
    const auto file = TempPdf("Z-" + std::to_string(closing.number));
    reports::writeClosingPdf(doc, file);
    return file;
}

bool OpenPrintedDocument(const std::filesystem::path& file)
{
    if (Viewer()) return Viewer()(file);
    return wxLaunchDefaultApplication(wxString::FromUTF8(file.string()));
}

void SetDocumentViewer(std::function<bool(const std::filesystem::path&)> viewer) { Viewer() = std::move(viewer); }

}  // namespace narcisse::ui
