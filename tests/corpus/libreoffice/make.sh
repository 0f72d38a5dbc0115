#!/bin/sh
# Rebuilds the LibreOffice-written workbooks of the differential corpus (see README.md).
# Needs LibreOffice (Debian: libreoffice-calc). Run from anywhere: sh tests/corpus/libreoffice/make.sh
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
profile=$(mktemp -d)
work=$(mktemp -d)
cp "$here"/source/* "$work"/
cp "$root"/seeds/strategy-2nd-term.xlsx "$work"/seed-strategy-2nd-term.xlsx
cp "$root"/seeds/pledges.xlsx "$work"/seed-pledges.xlsx
cd "$work"
for f in kpi-features.fods seed-strategy-2nd-term.xlsx seed-pledges.xlsx; do
  soffice -env:UserInstallation=file://"$profile" --headless --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir out "$f" >/dev/null
done
soffice -env:UserInstallation=file://"$profile" --headless --infilter='Text - txt - csv (StarCalc):44,34,76' --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir out csv-import.csv >/dev/null
soffice -env:UserInstallation=file://"$profile" --headless --convert-to 'ods' --outdir out kpi-features.fods >/dev/null
soffice -env:UserInstallation=file://"$profile" --headless --convert-to 'xls:MS Excel 97' --outdir out kpi-features.fods >/dev/null
for f in out/*; do
  case "$f" in
    *.xlsx) cp "$f" "$here/lo-$(basename "$f")" ;;
    *.ods | *.xls) cp "$f" "$here/lo-$(basename "$f")" ;;
  esac
done
rm -rf "$profile" "$work"
