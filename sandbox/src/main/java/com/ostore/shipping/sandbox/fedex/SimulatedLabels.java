package com.ostore.shipping.sandbox.fedex;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Small but well-formed one-page 4x6 PDF labels showing the service, tracking number and addressee. */
final class SimulatedLabels {
  private SimulatedLabels() {}

  static String base64Pdf(String trackingNumber, String serviceType, String addressee) {
    String text = "BT /F1 14 Tf 20 380 Td (FedEx " + serviceType + ") Tj 0 -30 Td (TRK# " + trackingNumber + ") Tj"
        + " 0 -30 Td (SHIP TO: " + pdfText(addressee) + ") Tj ET";
    List<String> objects = List.of(
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 288 432] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(pdf.length());
      pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
    }
    int xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
    offsets.forEach(offset -> pdf.append(String.format("%010d 00000 n \n", offset)));
    pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref).append("\n%%EOF\n");
    return Base64.getEncoder().encodeToString(pdf.toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  /** PDF string literals escape backslashes and parentheses; anything outside Latin-1 becomes '?'. */
  private static String pdfText(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(c == '\\' || c == '(' || c == ')' ? "\\" + c : c <= 0xFF ? String.valueOf(c) : "?");
    }
    return out.toString();
  }
}
