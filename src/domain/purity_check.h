// Compiled after each domain file by the narcisse_domain_purity target: the domain is pure C++
// (DESIGN.md §2), so reaching a UI, database, network or PDF library from here stops the build.
#pragma once

#if defined(_WX_DEFS_H_)
#error "src/domain reached a wxWidgets header; the domain never depends on the UI toolkit"
#endif
#if defined(PQXX_H_COMPILER_PUBLIC)
#error "src/domain reached a libpqxx header; storage lives in src/data"
#endif
#if defined(SQLITECPP_PURE_FUNC) || defined(SQLITE_VERSION_NUMBER)
#error "src/domain reached a SQLite header; storage lives in src/data"
#endif
#if defined(Foundation_Foundation_INCLUDED)
#error "src/domain reached a Poco header; network and JSON live in src/data"
#endif
#if defined(_HPDF_H) || defined(QRENCODE_H)
#error "src/domain reached a PDF or QR code header; reports live in reports/"
#endif
