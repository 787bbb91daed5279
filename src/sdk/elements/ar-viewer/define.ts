import { defineElement } from '../internal/define.js';
import { CitylabArViewer } from './ar-viewer.js';

defineElement('citylab-ar-viewer', CitylabArViewer);

declare global {
  interface HTMLElementTagNameMap {
    'citylab-ar-viewer': CitylabArViewer;
  }
}
