// The system libxlsxwriter (Debian: libxlsxwriter-dev): reporting's XLSX exports, wrapped by BKSpreadsheet.
#include <xlsxwriter.h>
