/**
 * {@code OneStopFormsPdf}: the one-stop forms 01–04 and 06 as PDF (OpenPDF, QR code and barcode with ZXing)
 * from a dossier. Uses the domain only; called by {@code SlipService}.
 */
package vn.gov.quangtri.motcua.dossier.infrastructure.slip;
