#include "ui/desk_print.h"

#include "app/desk.h"
#include "ui/async.h"

#if __has_include("reports/receipt_pdf.h")
#include "reports/receipt_pdf.h"
#define NARCISSE_HAS_RECEIPT_PDF 1
#endif

#include <wx/filename.h>
#include <wx/utils.h>
#include <wx/window.h>

#include <filesystem>
#include <stdexcept>

namespace narcisse::ui {
namespace {
bool g_open = true;
}

void SetOpenPrintedReceipts(bool open) { g_open = open; }

void PrintReceipt(wxWindow* window, Session& session, std::int64_t number, bool reprint,
                  std::function<void(const wxString& path)> done, std::function<void(const wxString& message)> failed)
{
    const auto clock = session.clock;
    std::optional<domain::Uuid> employee;
    if (session.employee) employee = session.employee->id;
    const std::string zone = session.store ? session.store->timeZone : std::string("Europe/Paris");
    const std::string folder = wxFileName::GetTempDir().ToStdString(wxConvUTF8);
    RunOnWorker(
        *session.worker, window,
        [clock, number, reprint, employee, folder, zone](domain::Store& store) -> std::string {
            const app::ReceiptCopy copy = reprint ? app::reprintReceipt(store, *clock, number, employee)
                                                  : app::receiptCopy(store, number);
            const std::string name = "narcisse-receipt-" + std::to_string(number) +
                                     (copy.reprint ? "-duplicata-" + std::to_string(copy.reprint) : std::string()) + ".pdf";
            const std::string path = (std::filesystem::path(folder) / name).string();
#ifdef NARCISSE_HAS_RECEIPT_PDF
            reports::ReceiptDocument doc;
            doc.receipt = copy.receipt;
            doc.reprint = copy.reprint;
            doc.businessName = copy.businessName;
            doc.address = copy.businessAddress;
            doc.idLine = copy.businessId;
            doc.timeZone = zone;
            reports::writeReceiptPdf(doc, path);
#else
            throw std::runtime_error("the receipt PDF writer is not built into this program yet");
#endif
            return path;
        },
        [done](wxWindow&, std::string path) {
            const wxString file = wxString::FromUTF8(path);
            if (g_open) wxLaunchDefaultApplication(file);
            done(file);
        },
        [failed](wxWindow&, const Failure& failure) { failed(failure.message); });
}

}  // namespace narcisse::ui
