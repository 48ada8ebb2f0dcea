"""What every PDF of the app shares: fonts, styles, blocks, paragraphs, page set-up and footer,
the fillable form and atomic file writing. ReportLab loads only when a PDF is written."""
