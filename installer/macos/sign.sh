#!/usr/bin/env bash
# Signs the .app with the Developer ID certificate in $CERTIFICATE (base64 .p12) and
# $CERTIFICATE_PASSWORD, with the hardened runtime notarisation needs. Run by
# .github/workflows/build-macos.yml on a macOS runner.
set -euo pipefail
app=$1
keychain="$RUNNER_TEMP/signing.keychain-db"
echo "$CERTIFICATE" | base64 --decode > "$RUNNER_TEMP/certificate.p12"
security create-keychain -p ci "$keychain"
security set-keychain-settings -lut 21600 "$keychain"
security unlock-keychain -p ci "$keychain"
security import "$RUNNER_TEMP/certificate.p12" -k "$keychain" -P "$CERTIFICATE_PASSWORD" -T /usr/bin/codesign
security set-key-partition-list -S apple-tool:,apple: -s -k ci "$keychain"
security list-keychains -d user -s "$keychain"
identity=$(security find-identity -v -p codesigning "$keychain" | grep -o '"Developer ID Application[^"]*"' | head -1 | tr -d '"')
# --deep signs the Qt libraries and Python extensions inside the bundle too.
codesign --force --deep --options runtime --timestamp \
  --entitlements "$(dirname "$0")/entitlements.plist" --sign "$identity" "$app"
codesign --verify --deep --strict "$app"
